"""The translation catalogues: extract, update, compile, check, and mend after a merge.

    python -m coach.tools.catalogues extract   # coach/locale/coach.pot from the code
    python -m coach.tools.catalogues update    # each language's .po follows the .pot
    python -m coach.tools.catalogues compile   # .po -> .mo (what the app reads)
    python -m coach.tools.catalogues check     # CI: nothing unextracted, missing or stale
    python -m coach.tools.catalogues resolve   # after a git merge conflict in these files

Files are written sorted, with file names but no line numbers, so moving code does not churn
them and two branches' translations merge by union (``resolve``). Run it from the source tree.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from coach.domain.i18n import DOMAIN, LANGUAGES, SOURCE

ROOT = Path(__file__).resolve().parent.parent.parent
LOCALE = Path("coach") / "locale"
POT = LOCALE / f"{DOMAIN}.pot"
# Developer tools and the screenshot scenes are not shown to patients.
METHODS = [
    ("coach/tools/**.py", "ignore"),
    ("coach/shots/**.py", "ignore"),
    ("coach/**.py", "python"),
]
KEYWORDS = {**DEFAULT_KEYWORDS}
_STAMP = datetime(2026, 12, 1, tzinfo=UTC)  # fixed: the files change only with words
# CLDR gives Spanish a third "many" form (a million); gettext's usual two are what translators
# know, and our counts never reach a million.
TWO_FORMS = {"es"}
_FIELDS = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]|%[sd]")


def po_path(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / f"{DOMAIN}.mo"


def translated_languages() -> list[str]:
    return [code for code in LANGUAGES if code != SOURCE]


def extract(root: Path = ROOT) -> Catalog:
    """Every wrapped string in the product code."""
    catalog = Catalog(project="Rehab Coach", charset="utf-8", creation_date=_STAMP)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root),
        METHODS,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    write_po(
        buffer, catalog, width=100, include_lineno=False, sort_output=True, ignore_obsolete=True
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _read(data: bytes, code: str) -> Catalog:
    return read_po(io.BytesIO(data), locale=code, domain=DOMAIN)


def _compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _new(code: str) -> Catalog:
    """A fresh catalogue with our header; Spanish keeps the classic two plural forms."""
    catalog = Catalog(
        locale=code,
        domain=DOMAIN,
        project="Rehab Coach",
        copyright_holder="Rehab Coach contributors",
        creation_date=_STAMP,
        revision_date=_STAMP,
        last_translator="Rehab Coach team",
        language_team=LANGUAGES[code],
        fuzzy=False,
    )
    if code in TWO_FORMS:
        catalog._num_plurals, catalog._plural_expr = 2, "(n != 1)"  # type: ignore[assignment]
    return catalog


def _key(message: Message) -> tuple[object, str | None]:
    return (message.id, message.context)


def update(root: Path = ROOT, template: Catalog | None = None) -> None:
    template = template or _read((root / POT).read_bytes(), SOURCE)
    for code in translated_languages():
        path = root / po_path(code)
        catalog = _read(path.read_bytes(), code) if path.exists() else _new(code)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.revision_date = _STAMP
        _write(catalog, path)


def compile_all(root: Path = ROOT) -> None:
    for code in translated_languages():
        catalog = _read((root / po_path(code)).read_bytes(), code)
        (root / mo_path(code)).write_bytes(_compiled(catalog))


def _forms(message: Message) -> list[str]:
    string = message.string
    return list(string) if isinstance(string, tuple | list) else [string or ""]


def _fields(text: str) -> set[str]:
    return set(_FIELDS.findall(text))


def check(root: Path = ROOT) -> list[str]:
    """Every problem, one line each: unextracted strings, missing or broken translations."""
    problems: list[str] = []
    extracted = extract(root)
    pot_file = root / POT
    if not pot_file.exists():
        return [f"{POT} is missing: run python -m coach.tools.catalogues extract"]
    template = _read(pot_file.read_bytes(), SOURCE)
    found = {_key(m) for m in extracted if m.id}
    kept = {_key(m) for m in template if m.id}
    for key in sorted(found - kept, key=str):
        problems.append(f"not extracted (run extract, update): {key[0]!r}")
    for key in sorted(kept - found, key=str):
        problems.append(f"no longer in the code (run extract, update): {key[0]!r}")
    for code in translated_languages():
        path = root / po_path(code)
        if not path.exists():
            problems.append(f"{po_path(code)} is missing")
            continue
        catalog = _read(path.read_bytes(), code)
        for message in template:
            if not message.id:
                continue
            mine = catalog.get(message.id, context=message.context)
            label = f"{code}: {message.id!r}"
            if mine is None or not all(_forms(mine)):
                problems.append(f"{label} is not translated")
                continue
            if mine.fuzzy:
                problems.append(f"{label} is marked fuzzy")
            ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
            wanted = set().union(*(_fields(i) for i in ids))
            for form in _forms(mine):
                if _fields(form) - wanted or (len(ids) == 1 and _fields(form) != wanted):
                    problems.append(f"{label}: the translation {form!r} changes the fields")
        extra = {_key(m) for m in catalog if m.id} - kept
        for key in sorted(extra, key=str):
            problems.append(f"{code}: {key[0]!r} is not in the template (run update)")
        mo = root / mo_path(code)
        if not mo.exists() or mo.read_bytes() != _compiled(catalog):
            problems.append(f"{mo_path(code)} is out of date (run compile)")
    return problems


def _stage(path: Path, stage: int) -> bytes | None:
    result = subprocess.run(
        ["git", "show", f":{stage}:{path.as_posix()}"], cwd=ROOT, capture_output=True, check=False
    )
    return result.stdout if result.returncode == 0 else None


def resolve(root: Path = ROOT) -> None:
    """After a merge or rebase conflict: translations from both sides, template from the code."""
    template = extract(root)
    _write(template, root / POT)
    for code in translated_languages():
        path = po_path(code)
        sides = [data for data in (_stage(path, 2), _stage(path, 3)) if data]
        merged = _new(code)
        for data in sides:
            for message in _read(data, code):
                if message.id and all(_forms(message)) and not message.fuzzy:
                    merged.add(message.id, message.string, context=message.context)
        if not sides and (root / path).exists():
            merged = _read((root / path).read_bytes(), code)
        merged.update(template, no_fuzzy_matching=True)
        merged.revision_date = _STAMP
        _write(merged, root / path)
    compile_all(root)
    files = [POT.as_posix()]
    for code in translated_languages():
        files += [po_path(code).as_posix(), mo_path(code).as_posix()]
    subprocess.run(["git", "add", *files], cwd=root, check=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "extract":
        _write(extract(), ROOT / POT)
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "all":
        template = extract()
        _write(template, ROOT / POT)
        update(template=template)
        compile_all()
    elif command == "resolve":
        resolve()
    elif command == "check":
        problems = check()
        for line in problems:
            print(line)
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
