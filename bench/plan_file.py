"""Plan-file benchmark: what strict reading costs over a plain ``json.loads``, and how quickly
the worst files a plan import can meet are refused.

Three pairs, each measured in the same run (medians of repeated runs):

1. a realistic plan file (a fusion plan with a reason and a note): the app's usual read of a
   stored plan (``json.loads`` + ``plan_from_dict``, the baseline) against ``read_plan_file``
   (size, encoding and depth guards, duplicate-key/NaN/number hooks, the envelope, the plan);
2. a 1 MB file of nested brackets: ``json.loads`` of a 1 MB flat list (the baseline) against
   ``read_plan_file`` refusing the nesting (``json`` itself would crash with RecursionError),
   and a 1 MB run of escaped quotes never closed (it took minutes with a regular expression);
3. the PIN: one scrypt check, in milliseconds (slow on purpose, quick for a person).

Prints each pair and, last, the ratio of pair 1: what the plan file's extra guards cost over
reading a stored plan (our own guard: <= 2, i.e. the checks cost less than a second read).

    python bench/plan_file.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.domain.content import load_content
from coach.domain.fields import DataError
from coach.domain.pin import hash_pin, verify_pin
from coach.domain.plan import plan_from_dict, plan_from_protocol, plan_to_dict
from coach.domain.plan_edit import add_exercise, set_note
from coach.domain.plan_file import MAX_BYTES, PlanFile, dump_plan_file, read_plan_file
from coach.domain.profile import Surgery
from coach.system.paths import exercises_dir

TARGET_RATIO = 2.0


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def refuse(raw: bytes, action: Callable[[bytes], object]) -> Callable[[], None]:
    def run() -> None:
        try:
            action(raw)
        except DataError:
            return
        raise AssertionError("the file was not refused")

    return run


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    content = load_content(exercises_dir())
    plan = plan_from_protocol(content.protocols[Surgery.FUSION])
    plan = add_exercise(
        plan, content.catalogue, 2, "stretches", "prone-press-up", reason="Eases your leg pain."
    )
    plan = set_note(plan, "Walk after lunch every day. Call me if anything worries you.")
    raw = dump_plan_file(PlanFile(plan, "Alex Moreno", datetime.now(UTC)))
    print(f"plan file: {len(raw) / 1024:.1f} KB")

    body = json.dumps(plan_to_dict(plan))
    plain = median_ms(lambda: json.loads(raw), args.runs)
    base = median_ms(lambda: plan_from_dict(json.loads(body), content.catalogue), args.runs)
    strict = median_ms(lambda: read_plan_file(raw, content.catalogue), args.runs)
    print(
        f"typical file   json.loads {plain:6.3f} ms   stored-plan read {base:6.3f} ms   "
        f"read_plan_file {strict:6.3f} ms"
    )

    half = (MAX_BYTES - 2) // 2
    deep = b"[" * half + b"]" * half
    flat = b"[" + b"0," * (half - 1) + b"0]"
    runs = max(5, args.runs // 20)
    flat_ms = median_ms(lambda: json.loads(flat), runs)
    deep_ms = median_ms(refuse(deep, lambda r: read_plan_file(r, content.catalogue)), runs)
    print(f"1 MB worst     json.loads (flat) {flat_ms:8.3f} ms   refusing (deep) {deep_ms:8.3f} ms")
    quotes = b'{"format": "' + b'\\"' * (half - 8)  # never closed; once took minutes
    quotes_ms = median_ms(refuse(quotes, lambda r: read_plan_file(r, content.catalogue)), runs)
    print(
        f"1 MB quotes    json.loads (flat) {flat_ms:8.3f} ms   "
        f"refusing (quotes) {quotes_ms:8.3f} ms   ratio {quotes_ms / flat_ms:.2f}x"
    )

    stored = hash_pin("482915")
    pin_ms = median_ms(lambda: verify_pin("482915", stored), max(5, args.runs // 20))
    print(f"PIN check      scrypt {pin_ms:8.1f} ms")

    ratio = strict / base
    verdict = "ok" if ratio <= TARGET_RATIO else "TOO SLOW"
    print(
        f"plan file read / stored-plan read = {ratio:.2f}x (target <= {TARGET_RATIO:g}x): {verdict}"
    )
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
