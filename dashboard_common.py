"""What both dashboard pages share: escaping article text for the page, marking the expression,
and folding clicks into a selection. No widgets here.

    marked_html("a <b> c", 2, 5) -> "a <mark>&lt;b&gt;</mark> c"
"""

from __future__ import annotations

import hashlib
import html
import re

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:])")


def md_escape(text: str) -> str:
    """`text` with every Markdown-active character backslash-escaped (names in st.error etc.)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph around text[start:end]: from the blank line before it to the blank line after."""
    para_start = 0
    for match in _BLANK_LINE.finditer(text, 0, start):
        para_start = match.end()
    after = _BLANK_LINE.search(text, end)
    return para_start, after.start() if after else len(text)


def marked_html(text: str, start: int, end: int, *, tag: str = "mark") -> str:
    """`text` escaped for HTML with only text[start:end] wrapped in <tag>; nothing else is markup."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return (html.escape(text[:start]) + f"<{tag}>" + html.escape(text[start:end]) + f"</{tag}>"
            + html.escape(text[end:]))


def digest(*parts: object) -> str:
    """A short stable fingerprint for widget keys and caches."""
    return hashlib.sha1(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def rows_from_table(state: object) -> list[int]:
    try:
        return [int(r) for r in state["selection"]["rows"]]  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return []


def fold_clicks(ss, target: str, picks: list, picks_key: str, rows: list, rows_key: str, ids_key: str) -> None:
    """A new chart pick or a new table row becomes ss[target]; an unchanged selection leaves it alone."""
    if picks != ss.get(picks_key, []):
        ss[target] = picks[-1] if picks else None
    ss[picks_key] = picks
    if rows != ss.get(rows_key, []):
        ids = ss.get(ids_key, [])
        # Only a new row counts: an emptied table selection may just be the table's data changing.
        if rows and rows[0] < len(ids):
            ss[target] = ids[rows[0]]
    ss[rows_key] = rows


def quote_html(marked: str) -> str:
    """The selected event's sentence (already escaped and marked) as a styled block quote."""
    return ('<blockquote style="margin:0;padding:.6rem 1rem;border-left:4px solid #2f6690;'
            'background:#f4f7fa;border-radius:0 6px 6px 0;font-size:1.08rem;line-height:1.6;'
            f'white-space:pre-wrap">{marked}</blockquote>')
