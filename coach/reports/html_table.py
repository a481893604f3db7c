"""A table in the simple HTML that QTextDocument lays out (the clinic report's tables)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Every cell escaped: text from the patient is shown as written."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        '<table border="1" cellspacing="0" cellpadding="5" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
