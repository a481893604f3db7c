"""The strict field reader: every bad value is refused with its exact place and a plain reason."""

from __future__ import annotations

import math

import pytest

from coach.domain.fields import DataError, Fields


def refused(excinfo: pytest.ExceptionInfo[DataError]) -> tuple[str, str, str]:
    error = excinfo.value
    return error.source, error.path, error.reason


def test_reads_good_values_with_defaults() -> None:
    f = Fields(
        {"name": "Bridge", "reps": 10, "kg": 4.5, "on": True, "tags": ["a", "b"]}, "file.toml"
    )
    assert f.text("name") == "Bridge"
    assert f.integer("reps", 1, 100) == 10
    assert f.number("kg", 0, 10) == 4.5
    assert f.boolean("on") is True
    assert f.text_list("tags", choices=["a", "b", "c"]) == ("a", "b")
    assert f.text("missing", required=False, default="x") == "x"
    assert f.integer("gone", 0, 5, required=False, default=3) == 3
    assert f.number("none", 0, 1, required=False) is None
    f.finish()


def test_unknown_key_is_named_with_its_path() -> None:
    f = Fields({"name": "x", "nmae": "y"}, "catalogue/bridge.toml", "phases[0]")
    f.text("name")
    with pytest.raises(DataError) as excinfo:
        f.finish()
    assert refused(excinfo) == (
        "catalogue/bridge.toml",
        "phases[0].nmae",
        "is not a known field (check the spelling)",
    )
    assert str(excinfo.value).startswith("catalogue/bridge.toml: phases[0].nmae is not a known")


def test_missing_field() -> None:
    with pytest.raises(DataError) as excinfo:
        Fields({}, "src").text("name")
    assert refused(excinfo) == ("src", "name", "is missing")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (3, "must be text"),
        ("   ", "must not be empty"),
        ("x" * 11, "must be at most 10 characters"),
        ("bad\x07bell", "must not contain control characters (U+0007 at character 4)"),
    ],
)
def test_text_is_checked(value: object, reason: str) -> None:
    with pytest.raises(DataError) as excinfo:
        Fields({"t": value}, "src").text("t", max_len=10)
    assert refused(excinfo) == ("src", "t", reason)


def test_new_lines_and_tabs_are_allowed_only_in_multiline_text() -> None:
    assert Fields({"t": "one\ntwo\tthree"}, "s").text("t", multiline=True) == "one\ntwo\tthree"
    with pytest.raises(DataError, match="must be on one line"):
        Fields({"t": "one\ntwo"}, "s").text("t")


@pytest.mark.parametrize("value", [True, 1.5, "3", 0, 11])
def test_integer_refuses_wrong_types_and_ranges(value: object) -> None:
    with pytest.raises(DataError, match=r"reps must be a whole number from 1 to 10"):
        Fields({"reps": value}, "src").integer("reps", 1, 10)


@pytest.mark.parametrize("value", [math.nan, math.inf, False, "1", -1, 200.5])
def test_number_refuses_nan_infinity_booleans_and_ranges(value: object) -> None:
    with pytest.raises(DataError, match=r"kg must be a number from 0 to 200"):
        Fields({"kg": value}, "src").number("kg", 0, 200)


def test_boolean_and_choice() -> None:
    with pytest.raises(DataError, match="must be true or false"):
        Fields({"b": "yes"}, "s").boolean("b")
    with pytest.raises(DataError, match="must be one of: supine, prone"):
        Fields({"c": "upside-down"}, "s").choice("c", ["supine", "prone"])


def test_lists_name_the_bad_entry() -> None:
    with pytest.raises(DataError) as excinfo:
        Fields({"tags": ["floor", "flying"]}, "s").text_list("tags", choices=["floor"])
    assert refused(excinfo) == ("s", "tags[1]", "must be one of: floor")
    with pytest.raises(DataError, match="must not repeat an entry"):
        Fields({"tags": ["a", "a"]}, "s").text_list("tags", unique=True)
    with pytest.raises(DataError, match="must have 2 to 6 entries"):
        Fields({"steps": ["one"]}, "s").text_list("steps", min_items=2, max_items=6)
    with pytest.raises(DataError, match="must be a list"):
        Fields({"steps": "one"}, "s").text_list("steps")


def test_nested_tables_carry_their_path() -> None:
    data = {"phases": [{"number": 1}, {"number": "two"}]}
    tables = Fields(data, "protocols/fusion.toml").tables("phases")
    assert tables[0].integer("number", 1, 8) == 1
    with pytest.raises(DataError) as excinfo:
        tables[1].integer("number", 1, 8)
    assert refused(excinfo) == (
        "protocols/fusion.toml",
        "phases[1].number",
        "must be a whole number from 1 to 8",
    )
    with pytest.raises(DataError, match=r"^s: walking must be a table of named fields$"):
        Fields({"walking": 3}, "s").table("walking")
    with pytest.raises(DataError, match="must be a list"):
        Fields({"phases": {}}, "s").tables("phases")
