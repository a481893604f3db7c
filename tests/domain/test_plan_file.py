"""The plan file: what it holds, that it reads back exactly, and that a bad file is refused
with one sentence saying what and where. (tests/cli/test_plan_cli.py proves the database is not
touched by any of these files.)"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.domain.catalogue import DOSAGE_LIMITS, MOVEMENT_TAGS, Catalogue, Dosage
from coach.domain.content import Content
from coach.domain.fields import DataError
from coach.domain.plan import Plan, plan_from_protocol
from coach.domain.plan_file import (
    MAX_BYTES,
    PlanFile,
    dump_plan_file,
    exercise_to_dict,
    figure_file,
    plan_file_to_dict,
    read_plan_file,
)
from coach.domain.profile import Surgery
from coach.domain.protocol import Prescription, WalkingGoal
from coach.system.paths import assets_dir

CREATED = datetime(2026, 3, 2, 10, 15, tzinfo=UTC)


def good_file(content: Content) -> dict[str, Any]:
    plan = plan_from_protocol(content.protocols[Surgery.FUSION])
    return plan_file_to_dict(PlanFile(plan, "Alex Moreno", CREATED))


def encode(data: object) -> bytes:
    return json.dumps(data).encode("utf-8")


def refused(raw: bytes, catalogue: Catalogue) -> str:
    with pytest.raises(DataError) as caught:
        read_plan_file(raw, catalogue)
    message = str(caught.value)
    assert message.startswith("plan file: ")
    assert "\n" not in message
    return message


def custom_exercise(content: Content, exercise_id: str = "towel-squeeze") -> dict[str, Any]:
    data = exercise_to_dict(content.catalogue["glute-sets"])
    data.update(id=exercise_id, name="Towel squeeze", easier=None, harder=None)
    return {k: v for k, v in data.items() if v is not None}


# -- the good path -------------------------------------------------------------------------------
def test_the_file_says_what_it_is(content: Content) -> None:
    data = json.loads(
        dump_plan_file(
            PlanFile(plan_from_protocol(content.protocols[Surgery.FUSION]), "Alex", CREATED)
        )
    )
    assert data["format"] == "rehab-coach-plan"
    assert data["schema_version"] == 1
    assert data["therapist"] == "Alex"
    assert data["created_at"] == "2026-03-02T10:15:00.000+00:00"
    assert data["plan"]["surgery"] == "fusion"
    assert data["custom_exercises"] == []


def test_read_back_what_was_written(content: Content) -> None:
    plan = plan_from_protocol(content.protocols[Surgery.LAMINECTOMY])
    written = PlanFile(replace(plan, note="<b>x</b> walk daily"), "Dr. Ø", CREATED)
    read = read_plan_file(dump_plan_file(written), content.catalogue)
    assert read == written
    assert read.plan.note == "<b>x</b> walk daily"  # markup is kept as plain text


def test_custom_exercises_travel_with_the_plan(content: Content) -> None:
    data = good_file(content)
    data["custom_exercises"] = [{**custom_exercise(content), "figure": "figures/glute-sets.svg"}]
    data["plan"]["phases"][0]["routines"][0]["items"].append({"exercise": "towel-squeeze"})
    read = read_plan_file(encode(data), content.catalogue)
    assert [e.id for e in read.custom_exercises] == ["towel-squeeze"]
    assert read.figures == (("towel-squeeze", "figures/glute-sets.svg"),)
    assert "towel-squeeze" in read.catalogue(content.catalogue)
    assert "towel-squeeze" not in content.catalogue
    again = read_plan_file(dump_plan_file(read), content.catalogue)
    assert again == read


def test_a_figure_path_only_resolves_inside_the_assets(tmp_path: Path) -> None:
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "bridge.svg").write_text("<svg/>")
    assert figure_file(tmp_path, "figures/bridge.svg") == (tmp_path / "figures/bridge.svg")
    assert figure_file(tmp_path, "figures/missing.svg") is None
    assert figure_file(tmp_path, "../figures/bridge.svg") is None
    assert figure_file(assets_dir(), "/etc/passwd") is None


# -- one test per kind of bad file ---------------------------------------------------------------
def test_empty_file(content: Content) -> None:
    assert refused(b"", content.catalogue) == "plan file: is empty"
    assert refused(b"  \n", content.catalogue) == "plan file: is empty"


def test_not_utf8(content: Content) -> None:
    message = refused(b'{"format": "rehab-coach-plan\xff"}', content.catalogue)
    assert message == "plan file: is not UTF-8 text (a bad byte at position 28)"


def test_not_json(content: Content) -> None:
    message = refused(b"format = 'rehab-coach-plan'", content.catalogue)
    assert message == "plan file: is not valid JSON (Expecting value at line 1, column 1)"
    assert "line 1" in refused(b'{"format": "x",}', content.catalogue)


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"[1, 2]", "a list"),
        (b'"plan"', "text"),
        (b"7", "a number"),
        (b"null", "empty (null)"),
        (b"true", "true or false"),
    ],
)
def test_top_level_not_an_object(content: Content, raw: bytes, kind: str) -> None:
    assert refused(raw, content.catalogue) == (
        f"plan file: must be a JSON object with named fields, not {kind}"
    )


def test_over_one_megabyte(content: Content) -> None:
    data = good_file(content)
    raw = encode(data)
    padded = raw[:-1] + b" " * (MAX_BYTES - len(raw) + 1) + b"}"
    assert len(padded) > MAX_BYTES
    assert "is larger than 1 MB" in refused(padded, content.catalogue)


def test_nesting_deeper_than_the_format(content: Content) -> None:
    deep = b"[" * 200_000 + b"]" * 200_000  # would crash json.loads with RecursionError
    assert refused(deep, content.catalogue) == (
        "plan file: is nested deeper than a plan file can be (8 levels)"
    )
    data = good_file(content)
    data["plan"]["phases"][0]["routines"][0]["items"][0]["reps"] = [[1]]
    assert "nested deeper" in refused(encode(data), content.catalogue)
    brackets_in_text = good_file(content)
    brackets_in_text["plan"]["note"] = "[[[[[[[[[[{{{{{{{{ not nesting"
    read_plan_file(encode(brackets_in_text), content.catalogue)


def test_duplicate_keys(content: Content) -> None:
    raw = encode(good_file(content)).replace(b'"therapist":', b'"note": 1, "therapist":', 1)
    raw = raw.replace(b'"surgery": "fusion"', b'"surgery": "fusion", "surgery": "discectomy"')
    assert refused(raw, content.catalogue) == "plan file: has the field 'surgery' twice"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity(content: Content, constant: str) -> None:
    raw = encode(good_file(content)).replace(b'"reps": 15', f'"reps": {constant}'.encode(), 1)
    assert refused(raw, content.catalogue) == (
        f"plan file: contains {constant}, which is not a number a plan can use"
    )


def test_a_float_too_large_to_be_finite(content: Content) -> None:
    raw = encode(good_file(content)).replace(b'"reps": 15', b'"reps": 1e999', 1)
    assert refused(raw, content.catalogue) == (
        "plan file: contains a number that is far too large (1e999)"
    )


def where_reps(content: Content) -> tuple[dict[str, Any], str]:
    data = good_file(content)
    return data, "phases[1].routines[0].items[3].reps"


@pytest.mark.parametrize("value", [101, 0, -5, 10**20, True, False, "10", 10.0, 2.5, "", "ten"])
def test_numbers_out_of_range_negative_huge_or_of_the_wrong_type(
    content: Content, value: object
) -> None:
    data, where = where_reps(content)
    data["plan"]["phases"][1]["routines"][0]["items"][3]["reps"] = value
    assert refused(encode(data), content.catalogue) == (
        f"plan file: {where} must be a whole number from 1 to 100"
    )


def test_null_is_not_a_value(content: Content) -> None:
    data, _ = where_reps(content)
    data["plan"]["phases"][1]["routines"][0]["items"][3]["reps"] = None
    assert refused(encode(data), content.catalogue) == (
        "plan file: has no value (null) for the field 'reps'"
    )


def test_a_number_with_too_many_digits(content: Content) -> None:
    raw = encode(good_file(content)).replace(b'"reps": 15', b'"reps": ' + b"9" * 5000, 1)
    assert "a number that is far too long" in refused(raw, content.catalogue)


def test_lift_limit_must_be_a_finite_number(content: Content) -> None:
    data = good_file(content)
    data["plan"]["phases"][0]["lift_limit_kg"] = -1
    assert refused(encode(data), content.catalogue) == (
        "plan file: phases[0].lift_limit_kg must be a number from 0.5 to 200"
    )


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (None, "plan file: schema_version is missing"),
        (
            2,
            "plan file: schema_version is 2, newer than this app reads (1); please update "
            "Rehab Coach",
        ),
        (0, "plan file: schema_version must be a whole number from 1 to 1000000"),
        ("1", "plan file: schema_version must be a whole number from 1 to 1000000"),
        (True, "plan file: schema_version must be a whole number from 1 to 1000000"),
    ],
)
def test_schema_version_missing_unknown_or_newer(
    content: Content, version: object, message: str
) -> None:
    data = good_file(content)
    if version is None:
        del data["schema_version"]
    else:
        data["schema_version"] = version
    if version == 2:
        data["new_field_of_version_2"] = "the version is reported first"
    assert refused(encode(data), content.catalogue) == message


def test_not_a_plan_file(content: Content) -> None:
    data = good_file(content)
    data["format"] = "other-app"
    assert refused(encode(data), content.catalogue) == (
        'plan file: format must be "rehab-coach-plan" (this is not a Rehab Coach plan file)'
    )


@pytest.mark.parametrize(
    ("place", "where"),
    [
        ((), "colour"),
        (("plan",), "colour"),
        (("plan", "phases", 1, "routines", 0, "items", 0), "phases[1].routines[0].items[0].colour"),
        (("plan", "phases", 1, "walking"), "phases[1].walking.colour"),
    ],
)
def test_unknown_fields(content: Content, place: tuple[Any, ...], where: str) -> None:
    data = good_file(content)
    target: Any = data
    for step in place:
        target = target[step]
    target["colour"] = "blue"
    assert refused(encode(data), content.catalogue) == (
        f"plan file: {where} is not a known field (check the spelling)"
    )


def test_unknown_exercise_ids(content: Content) -> None:
    data = good_file(content)
    data["plan"]["phases"][2]["routines"][0]["items"][1]["exercise"] = "moonwalk"
    assert refused(encode(data), content.catalogue) == (
        "plan file: phases[2].routines[0].items[1].exercise names 'moonwalk', which is not in "
        "the catalogue"
    )


def test_a_restricted_exercise_without_a_reason(content: Content) -> None:
    data = good_file(content)
    data["plan"]["phases"][0]["routines"][0]["items"].append({"exercise": "prone-press-up"})
    assert refused(encode(data), content.catalogue) == (
        "plan file: phases[0].routines[0].items[4].exercise 'prone-press-up' involves "
        "end-range, lumbar-extension, prone-lying, which this phase restricts"
    )


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("note", "x" * 2001, "must be at most 2000 characters"),
        ("note", "red \x1b[31m alert", "must not contain control characters"),
        ("note", "nul\x00byte", "must not contain control characters"),
        ("therapist", "A" * 81, "must be at most 80 characters"),
        ("therapist", "Alex\rMoreno", "must not contain control characters"),
        ("therapist", "Alex\nMoreno", "must be on one line"),
    ],
)
def test_text_that_is_huge_or_holds_control_characters(
    content: Content, field: str, value: str, reason: str
) -> None:
    data = good_file(content)
    (data["plan"] if field == "note" else data)[field] = value
    assert refused(encode(data), content.catalogue).startswith(f"plan file: {field} {reason}")


def test_a_huge_reason(content: Content) -> None:
    data = good_file(content)
    data["plan"]["phases"][0]["routines"][0]["items"].append(
        {"exercise": "prone-press-up", "reason": "because " * 100}
    )
    assert refused(encode(data), content.catalogue) == (
        "plan file: phases[0].routines[0].items[4].reason must be at most 300 characters"
    )


@pytest.mark.parametrize(
    ("figure", "reason"),
    [
        ("/etc/passwd", "must not be a path on the computer"),
        ("C:\\Windows\\x.svg", "must not be a path on the computer"),
        ("figures\\x.svg", "must not be a path on the computer"),
        ("../../../home/x.svg", "must not contain '..'"),
        ("figures/../../x.svg", "must not contain '..'"),
        ("https://example.com/x.svg", "must not be a web address"),
        ("file:///etc/passwd", "must not be a web address"),
        ("data:image/svg+xml,<svg/>", "must not be a web address"),
        ("icons/app.svg", "must look like figures/<name>.svg"),
        ("figures/x.png", "must look like figures/<name>.svg"),
    ],
)
def test_paths_outside_the_apps_own_assets(content: Content, figure: str, reason: str) -> None:
    data = good_file(content)
    data["custom_exercises"] = [{**custom_exercise(content), "figure": figure}]
    message = refused(encode(data), content.catalogue)
    assert message.startswith(f"plan file: custom_exercises[0].figure {reason}")


def test_custom_exercises_are_read_strictly(content: Content) -> None:
    data = good_file(content)
    broken = custom_exercise(content)
    broken["dosage"]["reps"] = 1000
    data["custom_exercises"] = [broken]
    assert refused(encode(data), content.catalogue) == (
        "plan file: custom_exercises[0].dosage.reps must be a whole number from 1 to 100"
    )
    data["custom_exercises"] = [custom_exercise(content, "bridge")]
    assert refused(encode(data), content.catalogue) == (
        "plan file: custom_exercises[0].id is 'bridge', which the app already has; a custom "
        "exercise needs its own id"
    )
    linked = custom_exercise(content)
    linked["harder"] = "nowhere"
    data["custom_exercises"] = [linked]
    assert refused(encode(data), content.catalogue) == (
        "plan file: custom_exercises[0].harder names 'nowhere', which is not in the catalogue"
    )


def test_created_at_must_be_a_time_with_its_zone(content: Content) -> None:
    data = good_file(content)
    data["created_at"] = "2026-03-02T10:15:00"
    assert refused(encode(data), content.catalogue) == (
        "plan file: created_at must include the time zone, like +00:00"
    )
    data["created_at"] = "yesterday"
    assert "created_at must be a date and time" in refused(encode(data), content.catalogue)


# -- property: any valid plan survives export and import unchanged -------------------------------
SAFE_TEXT = st.characters(  # no controls, surrogates, format (bidi, zero-width) or line separators
    exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp")
)


def text(max_size: int) -> st.SearchStrategy[str]:
    return st.text(st.one_of(SAFE_TEXT, st.sampled_from("\n\t<>&\"'\\")), max_size=max_size)


def reasons() -> st.SearchStrategy[str]:
    return text(300).filter(lambda s: bool(s.strip()))


@st.composite
def dosages(draw: st.DrawFn) -> Dosage:
    return Dosage(**{name: draw(st.integers(*lim)) for name, lim in DOSAGE_LIMITS.items()})


@st.composite
def plans(draw: st.DrawFn, content: Content) -> Plan:
    catalogue = content.catalogue
    base = plan_from_protocol(content.protocols[draw(st.sampled_from(list(Surgery)))])
    extra = draw(st.frozensets(st.sampled_from(MOVEMENT_TAGS), max_size=3))
    phases = []
    for phase in base.phases:
        routines = []
        for routine in phase.routines:
            chosen = draw(
                st.lists(st.sampled_from(catalogue.ids()), min_size=1, max_size=10, unique=True)
            )
            items = []
            for exercise_id in chosen:
                blocked = catalogue[exercise_id].movements & (phase.restricted | extra)
                reason = draw(reasons() if blocked else st.one_of(st.just(""), reasons()))
                items.append(Prescription(exercise_id, draw(dosages()), reason))
            routines.append(
                replace(
                    routine,
                    items=tuple(items),
                    times_per_day=draw(st.integers(1, 4)),
                    days_per_week=draw(st.integers(1, 7)),
                )
            )
        walking = WalkingGoal(
            draw(st.integers(0, 240)), draw(st.integers(0, 240)), draw(st.integers(1, 8))
        )
        phases.append(replace(phase, routines=tuple(routines), walking=walking))
    starts = []
    day = date(2026, 1, 1)
    for number in range(2, len(phases) + 1):
        day += timedelta(days=draw(st.integers(1, 1000)))  # moved starts follow one another
        if draw(st.booleans()):
            starts.append((number, day))
    return Plan(base.surgery, tuple(phases), tuple(starts), extra, draw(text(2000)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_export_then_import_gives_back_an_equal_plan(content: Content, data: st.DataObject) -> None:
    plan = data.draw(plans(content))
    therapist = data.draw(st.text(SAFE_TEXT, max_size=80).map(str.strip))  # one line
    written = PlanFile(plan, therapist, CREATED)
    read = read_plan_file(dump_plan_file(written), content.catalogue)
    assert read.plan == plan
    assert read == written


def test_a_custom_exercise_names_the_warning_signs_of_its_stop_if(content: Content) -> None:
    """As in the shipped catalogue (REFERENCE 2): the signs must exist and a stop-if that
    mentions a sign's words must name it; what is named travels with the file."""
    data = good_file(content)
    named = custom_exercise(content)
    named.update(stop_if="Stop if you get chest pain.", stop_if_signs=["chest-breathing"])
    data["custom_exercises"] = [named]
    read = read_plan_file(encode(data), content.catalogue, content.red_flags)
    assert read.custom_exercises[0].stop_if_signs == ("chest-breathing",)
    assert exercise_to_dict(read.custom_exercises[0])["stop_if_signs"] == ["chest-breathing"]
    for signs, reason in (
        ([], "must name 'chest-breathing'"),
        (["chest-breathing", "no-such-sign"], "names 'no-such-sign', which is not a question"),
    ):
        named["stop_if_signs"] = signs
        with pytest.raises(DataError) as caught:
            read_plan_file(encode(data), content.catalogue, content.red_flags)
        assert str(caught.value).startswith(
            f"plan file: custom_exercises[0].stop_if_signs {reason}"
        )
