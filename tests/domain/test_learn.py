"""The Learn library: every shipped topic is plain (grade 6 or lower), the right length, says
nothing forbidden and links only to topics that exist; a broken file is refused with its file,
field and reason; search and next/previous find what the patient expects."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from coach.domain.fields import DataError
from coach.domain.learn import SOURCE_KEYS, TOOLS, Topic, load_learn
from coach.domain.readability import count_syllables, grade, sentence_count, words
from coach.system.paths import exercises_dir

SHIPPED = exercises_dir() / "learn"
LIBRARY = load_learn(SHIPPED)
# REFERENCE section 7: the twelve topics, by the key message each must carry.
TWELVE = {
    "leg-pain": "heals slowly",
    "nerves-and-scar-tissue": "scar tissue",
    "your-operation": "lamina",
    "problems-to-watch-for": "blood clot",
    "what-affects-recovery": "smoking",
    "pain-medicines": "opioids",
    "moving-and-exercise": "walking is the most important",
    "coping-with-pain": "slow breathing",
    "mood-and-worry": "cbt",
    "sticking-with-it": "most days",
    "will-it-come-back": "come back",
    "tests-and-treatments": "mri",
}


def test_the_twelve_topics_of_reference_section_7_exist_in_order() -> None:
    assert [t.id for t in LIBRARY] == list(TWELVE)
    for topic in LIBRARY:
        assert TWELVE[topic.id] in topic.plain_text().lower(), topic.id


@pytest.mark.parametrize("topic", LIBRARY.topics, ids=lambda t: t.id)
def test_every_topic_reads_at_grade_6_or_lower(topic: Topic) -> None:
    assert grade(topic.plain_text()) <= 6.0
    for paragraph in topic.paragraphs:  # one hard paragraph must not hide among easy ones
        assert grade(paragraph) <= 8.0, paragraph


@pytest.mark.parametrize("topic", LIBRARY.topics, ids=lambda t: t.id)
def test_every_topic_has_150_to_400_words_and_the_parts_it_needs(topic: Topic) -> None:
    assert 150 <= len(words(topic.reading_text())) <= 400
    assert len(topic.what_you_can_do) >= 2
    assert "Warning signs" in topic.when_to_get_help  # the line names the page it links to
    assert set(topic.sources) <= SOURCE_KEYS and "S1" in topic.sources
    assert set(topic.tools) <= set(TOOLS)
    for other in topic.related:
        assert other in LIBRARY and other != topic.id
    for paragraph in topic.paragraphs:  # short paragraphs, one idea each
        assert len(words(paragraph)) <= 80, paragraph


@pytest.mark.parametrize("topic", LIBRARY.topics, ids=lambda t: t.id)
def test_no_topic_says_hurt_is_not_harm_gives_a_dose_or_diagnoses(topic: Topic) -> None:
    text = topic.plain_text().lower()
    assert not re.search(r"hurt\w*\W+(is\W+not|isn.t|does\W+not\W+mean)\W+harm", text)
    assert "no pain, no gain" not in text
    assert not re.search(r"\d\s*(mg|mcg|ml|g)\b", text)
    diagnosing = r"\b(you have (a|an)|you probably have|your pain is caused by|this means you)\b"
    assert not re.search(diagnosing, text)


def test_mood_topic_gives_the_patients_emergency_number() -> None:
    body = " ".join(LIBRARY.get("mood-and-worry").body("999"))
    assert "call 999 or a crisis line now" in body


def test_coping_topic_opens_all_three_tools() -> None:
    assert LIBRARY.get("coping-with-pain").tools == ("breathing", "body-scan", "journal")


# -- the reading-grade measure itself ----------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("walk", 1),
        ("move", 1),
        ("gentle", 2),
        ("takes", 1),
        ("rises", 2),
        ("surgery", 3),
        ("operation", 4),
        ("anti-inflammatory", 7),
        ("the", 1),
        ("38", 1),
        ("be", 1),
    ],
)
def test_syllables_are_counted_by_vowel_groups(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_grade_tells_plain_text_from_hard_text() -> None:
    plain = "Walk a little each day. Rest when it hurts. Tell your therapist."
    hard = (
        "Postoperative radiculopathy frequently necessitates comprehensive multidisciplinary "
        "evaluation, encompassing electrodiagnostic investigation and neuroimaging modalities."
    )
    assert grade(plain) <= 3
    assert grade(hard) > 12


def test_each_list_line_counts_as_a_sentence() -> None:
    assert sentence_count("Walk each day\nRest. Then walk again.\n\n") == 3


# -- refused files -------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "learn"
    shutil.copytree(SHIPPED, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "leg-pain.toml",
            "This is common.",
            "Remember: hurt is not harm.",
            "learn/leg-pain.toml: paragraphs[0] must not contain a slogan",
        ),
        (
            "pain-medicines.toml",
            "Ibuprofen is one.",
            "Take 400 mg of ibuprofen.",
            "learn/pain-medicines.toml: paragraphs[1] must not contain a dose ('400 mg')",
        ),
        (
            "leg-pain.toml",
            'related = ["nerves-and-scar-tissue"',
            'related = ["nerve-and-scar"',
            "learn/leg-pain.toml: related[0] points to 'nerve-and-scar', which is not a topic",
        ),
        (
            "leg-pain.toml",
            'sources = ["S1"]',
            'sources = ["Z9"]',
            "learn/leg-pain.toml: sources[0] must be one of",
        ),
        (
            "leg-pain.toml",
            'tools = ["breathing"]',
            'tools = ["yoga"]',
            "learn/leg-pain.toml: tools[0] must be one of: body-scan, breathing, journal",
        ),
        (
            "leg-pain.toml",
            "order = 1",
            "order = 2",
            "is already used by",
        ),
        (
            "leg-pain.toml",
            'id = "leg-pain"',
            'id = "leg"',
            "learn/leg-pain.toml: id must match the file name (leg-pain)",
        ),
        (
            "leg-pain.toml",
            'summary = "',
            'colour = "red"\nsummary = "',
            "learn/leg-pain.toml: colour is not a known field",
        ),
        (
            "mood-and-worry.toml",
            "{emergency_number}",
            "{surgeon}",
            "learn/mood-and-worry.toml: paragraphs[5] may use only {emergency_number} in braces",
        ),
        (
            "leg-pain.toml",
            'title = "Why does my leg still hurt?"',
            'title = ""',
            "learn/leg-pain.toml: title must not be empty",
        ),
        (
            "leg-pain.toml",
            "paragraphs = [",
            "paragraphs = 3\nold = [",
            "learn/leg-pain.toml: paragraphs must be a list",
        ),
    ],
)
def test_a_broken_topic_is_refused_with_file_field_and_reason(
    folder: Path, file: str, old: str, new: str, message: str
) -> None:
    edit(folder / file, old, new)
    with pytest.raises(DataError) as caught:
        load_learn(folder)
    assert message in str(caught.value)


def test_an_empty_or_unreadable_folder_is_refused(folder: Path) -> None:
    (folder / "leg-pain.toml").write_bytes(b"\xff\xfe not toml")
    with pytest.raises(DataError, match=r"leg-pain\.toml"):
        load_learn(folder)
    shutil.rmtree(folder)
    folder.mkdir()
    with pytest.raises(DataError, match="holds no topic files"):
        load_learn(folder)


# -- search and reading order --------------------------------------------------------------------


def test_search_finds_by_word_start_any_case_and_puts_title_matches_first() -> None:
    found = [t.id for t in LIBRARY.search("SCAR")]
    assert found[0] == "nerves-and-scar-tissue"
    assert "will-it-come-back" in found
    assert [t.id for t in LIBRARY.search("opio")] == ["pain-medicines"]
    assert LIBRARY.search("  ") == LIBRARY.topics
    assert LIBRARY.search("zebra") == ()
    assert LIBRARY.search("(.*[") == LIBRARY.topics  # symbols are not a pattern: no filter
    assert [t.id for t in LIBRARY.search("NERVE\x00")] == [t.id for t in LIBRARY.search("nerve")]
    assert [t.id for t in LIBRARY.search("breathing cbt")] == ["mood-and-worry"]


def test_next_and_previous_follow_reading_order_and_stop_at_the_ends() -> None:
    first, second = LIBRARY.topics[0], LIBRARY.topics[1]
    assert LIBRARY.neighbours(first.id) == (None, second)
    assert LIBRARY.neighbours(second.id) == (first, LIBRARY.topics[2])
    assert LIBRARY.neighbours(LIBRARY.topics[-1].id)[1] is None
