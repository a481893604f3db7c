"""The launcher entry and the software centre's page in Spanish too: every line a person reads
in the menu (name, generic name, comment, keywords) has its [es] form, and every summary,
paragraph, list item, keyword and caption of the metainfo its xml:lang="es" twin."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from coach.system import desktop_entry as de
from tests.system.test_desktop_entry import entry_values

LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_the_menu_entry_reads_in_spanish() -> None:
    entry = entry_values(de.desktop_file())
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry.get(f"{key}[es]"), key
    assert "operación de espalda" in entry["Comment[es]"]


def test_every_metainfo_text_has_a_spanish_twin() -> None:
    meta = ET.parse(de.metainfo_file()).getroot()
    for path in ("summary", "description/p", "description/ul/li", "keywords/keyword"):
        english = [e for e in meta.findall(path) if e.get(LANG) is None]
        spanish = [e for e in meta.findall(path) if e.get(LANG) == "es"]
        assert english and len(spanish) == len(english), path
    for shot in meta.iter("screenshot"):
        assert [c.get(LANG) for c in shot.findall("caption")] == [None, "es"]
