"""Reading grade of patient text (Flesch-Kincaid), so a test can hold every topic to grade 6.

How syllables are counted (a rule of thumb, good to about one syllable in ten words):
a word's syllables are its groups of vowels (a, e, i, o, u, y), less one for a silent final
"e" ("move") unless the word ends in "le" after a consonant ("gentle"), and less one for a
silent "es" ("takes", but not "rises" or "passes"); every word has at least one. A number
counts as one syllable; a hyphenated word is counted part by part.

Grade = 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59. A sentence ends at
".", "!", "?" or ":" followed by a space or the end; each list item and line counts as its own
sentence (that is how the patient reads them).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z0-9']+(?:-[A-Za-z0-9']+)*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)")


def count_syllables(word: str) -> int:
    """Syllables in one word by the vowel-group rule in the module docstring."""
    total = 0
    for part in word.lower().split("-"):
        letters = re.sub(r"[^a-z]", "", part)
        if not letters:
            total += 1 if part else 0  # a number: one
            continue
        count = len(_VOWEL_GROUPS.findall(letters))
        silent_e = letters.endswith("e") and not letters.endswith(("le", "ee", "ye"))
        vowel_le = letters.endswith("le") and len(letters) > 2 and letters[-3] in "aeiouy"
        silent_es = letters.endswith("es") and len(letters) > 3 and letters[-3] not in "sxzcgh"
        if (silent_e or vowel_le or silent_es) and count > 1:
            count -= 1
        total += max(1, count)
    return max(1, total)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentence_count(text: str) -> int:
    """Sentences in ``text``: ends of sentences, and each non-empty line counts at least once."""
    total = 0
    for line in text.splitlines():
        if not words(line):
            continue
        stripped = line.strip()
        ends = len(_SENTENCE_END.findall(stripped))
        if stripped[-1] not in ".!?:;":
            ends += 1  # a list item or heading without a full stop is still one sentence
        total += ends
    return max(1, total)


def grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text`` (lines are sentences; see the module docstring)."""
    found = words(text)
    if not found:
        return 0.0
    syllables = sum(count_syllables(w) for w in found)
    return 0.39 * len(found) / sentence_count(text) + 11.8 * syllables / len(found) - 15.59
