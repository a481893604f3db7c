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


# --- Spanish: the INFLESZ scale (Szigriszt-Pazos) -------------------------------------------
#
# Flesch-Kincaid's grade is tuned to English syllables; Spanish words have more of them, so the
# same plain text would score years "harder". Spanish health writing is held to the INFLESZ
# scale instead (Barrio-Cantalejo et al., 2008): 206.835 - 62.3 x syllables/word - words/sentence;
# 65-80 is "bastante fácil" (plain patient leaflets), 55-65 "normal", below 55 "algo difícil".
# Syllables are vowel nuclei: a weak vowel (i, u, ü without an accent, and y after a vowel at the
# end of a word: "muy", "hoy") joins the vowel next to it (a diphthong: "bien", "cuidado"); two
# strong vowels (a, e, o, or an accented í/ú) stay apart ("leer", "día"). The "u" of "que", "qui",
# "gue", "gui" is silent. Good to about one syllable in twenty words, plenty for a threshold.

_WORD_ES = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_STRONG = set("aeoáéóíú")
_WEAK = set("iuü")


def count_syllables_es(word: str) -> int:
    """Syllables in one Spanish word (vowel nuclei; see above). A number counts as one."""
    total = 0
    for part in word.lower().split("-"):
        letters = re.sub(r"[^a-záéíóúüñ]", "", part)
        if not letters:
            total += 1 if part else 0
            continue
        letters = re.sub(r"(?<=[qg])u(?=[eéií])", "", letters)  # que, guiso: silent u
        if letters.endswith("y") and len(letters) > 1 and letters[-2] in _STRONG | _WEAK:
            letters = letters[:-1] + "i"  # muy, hoy, rey: a weak vowel closing a diphthong
        count = 0
        previous = ""
        for c in letters:
            if c in _STRONG or c in _WEAK:
                joins = previous != "" and (previous in _WEAK or c in _WEAK)
                if not joins:
                    count += 1
                previous = c
            else:
                previous = ""
        total += max(1, count)
    return max(1, total)


def words_es(text: str) -> list[str]:
    return _WORD_ES.findall(text)


def inflesz(text: str) -> float:
    """INFLESZ readability of Spanish ``text``: higher is plainer (65 and up: fairly easy).
    Sentences are counted as for ``grade``: each list item and line is its own sentence."""
    found = words_es(text)
    if not found:
        return 100.0
    syllables = sum(count_syllables_es(w) for w in found)
    return 206.835 - 62.3 * syllables / len(found) - len(found) / sentence_count(text)
