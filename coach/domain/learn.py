"""The Learn library: short topics about leg pain after back surgery (REFERENCE section 7).

One validated ``Topic`` per file in exercises/learn/. Topics inform; they never diagnose and
never give a dose, so the loader refuses the words that would ("hurt is not harm", an amount of
a medicine), in English and in Spanish, since a translation is checked by the same rules. The
only placeholder is ``{emergency_number}``, filled in from the profile. Search ignores accents
and case, so a patient typing "operacion" finds "operación".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coach.domain.catalogue import ID_PATTERN
from coach.domain.emergency import FALLBACK
from coach.domain.fields import DataError, Fields
from coach.domain.i18n import N_, _
from coach.domain.overlay import Reader, read_english

# REFERENCE section 6 (R4-R8 is a range of hospital pages).
_KEYS = "S1 C1 C2 C3 C4 C5 C6 C7 C8 C12 C14 C15 C16 C18 C19 C20 C21 C23 R1 R2 R4 R5 R6 R7 R8"
SOURCE_KEYS = frozenset(f"{_KEYS} O1 O2 O5 O6 O10 O11 O15 P1 P2 P3 P8 M2 X1 X2".split(" "))
# The coping tools a topic can open (REFERENCE section 10). The labels are the English
# msgids: show them through ``tool_label`` / ``tool_labels``, which translate at the time.
TOOLS = ("breathing", "body-scan", "journal")
TOOL_LABELS = {
    # Translators: a button that opens the paced-breathing guide; also a tool's name in History.
    "breathing": N_("Slow breathing"),
    # Translators: a button that opens the short relaxation (body scan) guide.
    "body-scan": N_("Relax your body"),
    # Translators: a button that opens the journal, to write about the day.
    "journal": N_("Write it down"),
}
# The page "When to get help" links to (the main window's Warning signs screen).
WARNING_SIGNS_KEY = "warning-signs"
EMERGENCY_PLACEHOLDER = "{emergency_number}"

# Words a topic must never say: REFERENCE 4 (no chronic-pain slogans after surgery) and 9 (no
# doses), in English and Spanish (every shipped language's text passes the same check). Checked
# on load and by the content tests.
FORBIDDEN = (
    (re.compile(r"hurt\s+(is\s+not|isn'?t|does\s+not\s+(mean|equal))\s+harm", re.I), "a slogan"),
    (
        re.compile(
            r"\bdol(or|er)\s+no\s+(es|significa|quiere\s+decir|equivale\s+a)\s+"
            r"(da[ñn]o|da[ñn]ar|lesi[óo]n)",
            re.I,
        ),
        "a slogan",
    ),
    (
        re.compile(
            r"\b\d+([.,]\d+)?\s*(mg|mcg|µg|g|ml|milligrams?|micrograms?|grams?|tablets?|pills?|"
            r"capsules?|puffs?|drops?|doses?|miligramos?|microgramos?|gramos?|comprimidos?|"
            r"pastillas?|p[íi]ldoras?|c[áa]psulas?|gotas?|dosis|inhalaciones?|sobres?)\b",
            re.I,
        ),
        "a dose",
    ),
)


def tool_label(tool: str) -> str:
    """The name of a coping tool in the current language ("Slow breathing", "Respiración lenta")."""
    return _(TOOL_LABELS[tool])


def tool_labels() -> dict[str, str]:
    """Every tool's name in the current language, in TOOLS order (History's coping line)."""
    return {tool: tool_label(tool) for tool in TOOLS}


@dataclass(frozen=True)
class Topic:
    id: str
    order: int
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    what_you_can_do: tuple[str, ...]
    when_to_get_help: str
    related: tuple[str, ...]
    sources: tuple[str, ...]
    tools: tuple[str, ...] = ()

    def body(self, emergency_number: str) -> tuple[str, ...]:
        """The paragraphs with the patient's emergency number filled in."""
        return tuple(p.replace(EMERGENCY_PLACEHOLDER, emergency_number) for p in self.paragraphs)

    def plain_text(self, emergency_number: str | None = None) -> str:
        """Everything the patient reads, one paragraph or item a line (search, reading grade),
        with the headings in the current language, as the screen shows them."""
        if emergency_number is None:
            emergency_number = _("your emergency number")
        lines = [self.title, self.summary, *self.body(emergency_number)]
        lines += [_("What you can do"), *self.what_you_can_do]
        lines += [_("When to get help"), self.when_to_get_help]
        return "\n".join(lines)

    def reading_text(self) -> str:
        """The words the patient reads in the topic itself (paragraphs, list, help line)."""
        return "\n".join([*self.body(FALLBACK), *self.what_you_can_do, self.when_to_get_help])


@dataclass(frozen=True)
class LearnLibrary:
    topics: tuple[Topic, ...]  # in reading order

    def __iter__(self) -> Iterator[Topic]:
        return iter(self.topics)

    def __len__(self) -> int:
        return len(self.topics)

    def __contains__(self, topic_id: object) -> bool:
        return any(t.id == topic_id for t in self.topics)

    def get(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def index(self, topic_id: str) -> int:
        return [t.id for t in self.topics].index(topic_id)

    def neighbours(self, topic_id: str) -> tuple[Topic | None, Topic | None]:
        """The topics before and after ``topic_id`` in reading order (None at either end)."""
        i = self.index(topic_id)
        before = self.topics[i - 1] if i > 0 else None
        after = self.topics[i + 1] if i + 1 < len(self.topics) else None
        return before, after

    def search(self, query: str) -> tuple[Topic, ...]:
        """Topics holding every word of ``query`` (any case); title matches first.

        An empty query gives every topic. Words match the start of a word ("nerv" finds
        "nerves"), so a patient typing part of a word still finds the topic; accents do not
        matter ("medicacion" finds "medicación"), as many people type without them."""
        terms = [t for t in re.findall(r"[a-z0-9']+", _fold(query)) if t]
        if not terms:
            return self.topics
        scored: list[tuple[int, int, Topic]] = []
        for position, topic in enumerate(self.topics):
            heading = _word_starts(f"{topic.title} {topic.summary}")
            everything = heading | _word_starts(topic.plain_text())
            if all(term in everything for term in terms):
                in_heading = sum(term in heading for term in terms)
                scored.append((-in_heading, position, topic))
        return tuple(topic for _, _, topic in sorted(scored, key=lambda s: (s[0], s[1])))


def _fold(text: str) -> str:
    """Lower case without accents ("Operación" -> "operacion", "Ñ" -> "n"), for search."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word_starts(text: str) -> set[str]:
    """Every prefix of every word, so a search term matches the start of a word."""
    result: set[str] = set()
    for word in re.findall(r"[a-z0-9']+", _fold(text)):
        result.update(word[:n] for n in range(1, len(word) + 1))
    return result


def check_wording(source: str, field: str, text: str) -> None:
    """Refuse forbidden words and unknown placeholders in one piece of topic text."""
    for pattern, what in FORBIDDEN:
        match = pattern.search(text)
        if match:
            raise DataError(source, field, f"must not contain {what} ({match.group(0)!r})")
    leftover = text.replace(EMERGENCY_PLACEHOLDER, "")
    if "{" in leftover or "}" in leftover:
        raise DataError(source, field, "may use only {emergency_number} in braces")


def parse_topic(data: object, source: str) -> Topic:
    f = Fields(data, source)
    topic_id = f.text("id", max_len=60)
    if not ID_PATTERN.match(topic_id):
        raise f.error("id", "must be lowercase letters, digits and '-'")
    topic = Topic(
        id=topic_id,
        order=f.integer("order", 1, 999),
        title=f.text("title", max_len=60),
        summary=f.text("summary", max_len=120),
        paragraphs=f.text_list("paragraphs", min_items=2, max_items=12, max_len=700),
        what_you_can_do=f.text_list("what_you_can_do", min_items=2, max_items=8, max_len=200),
        when_to_get_help=f.text("when_to_get_help", max_len=300),
        related=f.text_list("related", max_items=6, max_len=60, unique=True, required=False),
        sources=f.text_list(
            "sources", min_items=1, max_items=12, max_len=10, choices=SOURCE_KEYS, unique=True
        ),
        tools=f.text_list("tools", max_items=3, choices=TOOLS, unique=True, required=False),
    )
    f.finish()
    for key in ("title", "summary", "when_to_get_help"):
        check_wording(source, key, getattr(topic, key))
    for key in ("paragraphs", "what_you_can_do"):
        for i, text in enumerate(getattr(topic, key)):
            check_wording(source, f"{key}[{i}]", text)
    if topic.id in topic.related:
        raise DataError(source, "related", "must not name the topic itself")
    return topic


def load_learn(folder: Path, read: Reader = read_english) -> LearnLibrary:
    """Load and check every exercises/learn/*.toml; raises DataError naming file and field."""
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise DataError(str(folder), "", "holds no topic files")
    topics: dict[str, Topic] = {}
    orders: dict[int, str] = {}
    for path in files:
        data, source = read(path, f"{folder.name}/{path.name}")
        topic = parse_topic(data, source)
        if topic.id != path.stem:
            raise DataError(source, "id", f"must match the file name ({path.stem})")
        if topic.order in orders:
            raise DataError(source, "order", f"is already used by {orders[topic.order]}")
        orders[topic.order] = topic.id
        topics[topic.id] = topic
    for topic in topics.values():
        for i, other in enumerate(topic.related):
            if other not in topics:
                raise DataError(
                    f"{folder.name}/{topic.id}.toml",
                    f"related[{i}]",
                    f"points to {other!r}, which is not a topic",
                )
    return LearnLibrary(tuple(sorted(topics.values(), key=lambda t: t.order)))
