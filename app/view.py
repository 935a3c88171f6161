"""What the pages show, as plain functions of frames and strings (no Streamlit: tested directly).

    year_bounds(events)                          -> (2003, 2021)
    filter_events(events, years=(2015, 2021))    -> the events touching those years
    parse_years("2010-2030", (2003, 2021))       -> (2010, 2021)   (a shared link, clamped)
    fold_clicks(state, ...)                      -> a chart pick or a table row becomes the selection

An events frame is `Timeline.to_frame()` with three columns the article page adds (`number_events`):
event_id ('DOC-ID', unique over several articles), source (the article's name) and doc (its index).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from datetime import date
from pathlib import Path

import pandas as pd

from timeline.chart import POINT_GRANULARITIES, interval_text
from timeline.describe import date_in_words, dates_in_words
from timeline.publish import download_table  # noqa: F401 (the page's downloads are the core's)
from timeline.window import event_window, outside_window
from timeline.word_search import Term, search_terms, term_pattern

__all__ = [
    "MAX_ROW_LINES", "PHONE_PX", "TABLE_COLUMNS", "WRAPPED_ROW_PX", "all_events", "day_count", "default_years",
    "digest", "download_name", "download_table",
    "empty_explanation",
    "event_choice", "event_choices", "event_count", "events_outside", "event_facts", "filter_events", "fitted_widths",
    "file_slug", "fold_clicks", "KEYWORD_HELP", "md_escape",
    "number_events", "paragraph_bounds", "parse_years", "phone_rows", "row_layout", "text_px",
    "picked",
    "published_when", "query_updates", "table_columns", "table_rows", "unique_names", "wrapped_lines", "year_bounds",
    "year_range",
    "snap_years", "year_stops",
]

#: Up to this many years a year slider stops at every year (its PageUp, a tenth of the range, is <= 10 years).
EVERY_YEAR_SPAN = 100
_CORE_SHARE = 0.01  # a year holding this share of the events is where the reader is (every year a stop)
_CORE_MARGIN = 10  # years either side of those that are stops too

#: The article page's table: events frame column -> heading ("source" only when several articles).
TABLE_COLUMNS = {
    "when": "Date", "headline": "What happened", "expression": "As written", "granularity": "Precision",
    "source": "Article", "sentence": "Sentence",
}
#: Table columns whose values are short and must read whole ("Thursday 17 November 2005, morning"): sized to
#: their longest value, since the table sizes a column by its first rows alone ("1989" above that date).
WHOLE_COLUMNS = ("Date", "As written")
_CELL_PADDING = 20  # 8 px either side of a cell's text, and 4 px of margin
#: Each character's width (px) in the table's font, measured in Chromium (app/table_font.json; a browser test checks
#: it against the page's font): a wrapped cell's lines are counted by these, not by an average character (6.4 px made
#: rows a line too tall, and any average under-counts a headline of wide letters: at 166 px 20 of 1,362 te3 headlines
#: by 6.1 px, 2 by 6.4).
_CHAR_WIDTHS: dict[str, float] = json.loads(Path(__file__).with_name("table_font.json").read_text("utf-8"))["px"]
_UNKNOWN_CHAR_PX = 14.0  # a character not measured (another script's): an em, never fewer lines than it takes
_MAX_FITTED = 300  # a longer value is cut, not the table's other columns pushed off-screen
PHONE_PX = 640  # a narrower page is a phone's (Streamlit stacks columns below it): the table's cells wrap there
WRAPPED_ROW_PX = 72  # three lines of a wrapped cell (Streamlit wraps a table's text in rows over 64 px)
_LINE_PX = 18  # a wrapped line of the table's text (measured at 390 px: four lines filled a 72 px row edge to edge)
_ROW_PADDING = 12  # above and below a wrapped cell's lines together
MAX_ROW_LINES = 6  # taller rows would leave two events in the table's 420 px: a longer headline is cut ("…")
_HEADLINE = TABLE_COLUMNS["headline"]
_CHECKBOX_PX = 34  # the table's column of row checkboxes
# The words filter's help, on both pages (timeline.word_search is what it says)
KEYWORD_HELP = ("Every word, in any order, in the event's sentence, its headline or its article's title (the name shown "
                "for it); whole words, any case, with their plural and verb forms: “election” finds “Elections”, "
                "“attack” finds “attacked”, “fight” finds “fought”, “art” does not find “start”. Put a phrase in "
                "quotes to keep its words in a row: \"air base\".")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:])")
_YEARS = re.compile(r"\s*(\d{1,4})\s*-\s*(\d{1,4})\s*")


# ---------------------------------------------------------------- events and filters

def number_events(events: pd.DataFrame, doc: int, name: str) -> pd.DataFrame:
    """One article's events with the ids the page uses: event_id 'DOC-ID', source `name`, doc `doc`."""
    return events.assign(event_id=[f"{doc}-{i}" for i in events["id"]], source=name, doc=doc)


def all_events(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Several articles' numbered events in one frame, in time order (then article, then text order)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame()
    frame = pd.concat(frames, ignore_index=True)
    return frame.sort_values(["start", "end", "doc", "expression_start"], kind="stable").reset_index(drop=True)


def unique_names(names: Iterable[str | None]) -> list[str]:
    """Display names for articles: 'Article N' for a missing one, ' (2)' added until each is unique."""
    seen: set[str] = set()
    result = []
    for index, name in enumerate(names):
        name = name or f"Article {index + 1}"
        while name in seen:  # two uploads with one name stay apart
            name += " (2)"
        seen.add(name)
        result.append(name)
    return result


def year_bounds(frame: pd.DataFrame) -> tuple[int, int]:
    """First and last calendar year the events touch (an interval's end is exclusive)."""
    return int(frame["start"].min().year), int((frame["end"] - pd.Timedelta(days=1)).max().year)


def default_years(frame: pd.DataFrame, published: Iterable[date | None] = ()) -> tuple[int, int]:
    """The years the page opens on: where the events are (timeline.window: 98% of them touch these
    years), the publication years included, within the events' own first and last year."""
    lo, hi = year_bounds(frame)
    window = event_window(frame["start"].dt.date.tolist(), frame["end"].dt.date.tolist(),
                          published=[d.year for d in published if d is not None]) or (lo, hi)
    return max(window[0], lo), min(window[1], hi)


def events_outside(frame: pd.DataFrame, years: tuple[int, int]) -> int:
    """How many events touch none of `years`."""
    return outside_window(frame["start"].dt.date.tolist(), frame["end"].dt.date.tolist(), years)


def year_stops(lo: int, hi: int, events_per_year: dict[int, float] | None = None,
               around: tuple[int, int] | None = None) -> list[int]:
    """The years a year-range slider can stop at, from `lo` to `hi`.

    Every year when the range is at most EVERY_YEAR_SPAN years. Over a wider range a slider's PageUp (a
    tenth of its stops) would jump centuries, so the stops are every year within 10 years of a year holding
    at least 1% of the events, every decade within a century of those and every century elsewhere: arrows
    and PageUp move years where the events are, and stray years such as 1 or 2100 cost a few stops
    instead of thousands (a range set elsewhere is widened onto the stops). The years within 10 of the ends of
    `around` (the years the page opens on) are stops too: the opening view is shown as chosen, and PageUp or
    PageDown from either thumb moves years, not decades.
    """
    if hi - lo <= EVERY_YEAR_SPAN:
        return list(range(lo, hi + 1))
    weights = {int(y): w for y, w in (events_per_year or {}).items() if lo <= y <= hi and w > 0}
    total = sum(weights.values())
    core = [y for y, w in weights.items() if w >= _CORE_SHARE * total] or [hi]
    stops = {lo, hi}
    for year in [*core, *(around or ())]:
        stops.update(range(max(lo, year - _CORE_MARGIN), min(hi, year + _CORE_MARGIN) + 1))
    for year in range(lo - lo % 10 + 10, hi, 10):
        if year % 100 == 0 or any(abs(year - y) <= EVERY_YEAR_SPAN for y in core):
            stops.add(year)
    return sorted(stops)


def snap_years(years: tuple[int, int], stops: Sequence[int]) -> tuple[int, int]:
    """`years` moved onto `stops` (sorted), widening: the start to the stop at or before it, the end to the
    stop at or after it."""
    start = max((s for s in stops if s <= years[0]), default=stops[0])
    end = min((s for s in stops if s >= years[1]), default=stops[-1])
    return start, max(start, end)


def filter_events(
    frame: pd.DataFrame, *, years: tuple[int, int] | None = None, granularities: list[str] | None = None,
    keyword: str = "", sources: list[str] | None = None, titles: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Events overlapping the year range, of the chosen granularities and sources, with every word of `keyword`
    in their sentence, headline or article's title (`titles` by source), as the collection finds them
    (timeline.word_search: "election" finds "Elections", "art" not "start", a "quoted phrase" its words in a row)."""
    mask = pd.Series(True, index=frame.index)
    if years is not None:
        last = frame["end"] - pd.Timedelta(days=1)
        mask &= (frame["start"].dt.year <= years[1]) & (last.dt.year >= years[0])
    if granularities is not None:
        mask &= frame["granularity"].isin(granularities)
    if sources is not None:
        mask &= frame["source"].isin(sources)
    if keyword.strip():
        mask &= _found(frame, search_terms(keyword), titles or {})
    return frame[mask]


def _found(frame: pd.DataFrame, terms: list[Term], titles: Mapping[str, str]) -> pd.Series:
    """Which events hold every term in their sentence, headline or article title."""
    texts = [frame["sentence"].fillna("")]
    if "headline" in frame:
        texts.append(frame["headline"].fillna(""))
    if titles:
        texts.append(frame["source"].map(titles).fillna(""))
    mask = pd.Series(True, index=frame.index)
    for term in terms:
        pattern, in_any = term_pattern(term), pd.Series(False, index=frame.index)
        for text in texts:
            in_any |= text.str.contains(pattern, regex=True)
        mask &= in_any
    return mask


def parse_years(value: str | None, bounds: tuple[int, int]) -> tuple[int, int]:
    """A 'YYYY-YYYY' query value clamped to `bounds`; `bounds` when absent or malformed."""
    match = _YEARS.fullmatch(value or "")
    if not match:
        return bounds
    lo, hi = sorted(int(g) for g in match.groups())
    lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
    return (lo, hi) if lo <= hi else bounds


def table_columns(shown: pd.DataFrame) -> dict[str, str]:
    """The article table's columns present in `shown` -> headings; the article only when there are several."""
    return {c: h for c, h in TABLE_COLUMNS.items() if c in shown and (c != "source" or shown["source"].nunique() > 1)}


def fitted_widths(table: pd.DataFrame, room: int | None = None) -> dict[str, int]:
    """Pixel widths for the table's WHOLE_COLUMNS, each wide enough for its longest value and its heading.

    On a phone (`room`: the table's width, below PHONE_PX) a date left whole took 225 of its 340 px and "What
    happened" showed a dozen letters: there the table's cells wrap (WRAPPED_ROW_PX), a date column takes at most
    a third of the room (two lines: "Wednesday 16 / November 2005") and "What happened" the rest of the screen;
    the other columns follow, a swipe away."""
    widths = {}
    for column in WHOLE_COLUMNS:
        if column in table:
            widths[column] = min(_MAX_FITTED, _fitted_px({column, *map(str, table[column].dropna())}))
    if room is not None and room < PHONE_PX:
        widths = {column: min(px, room // 3) for column, px in widths.items()}
        if _HEADLINE in table:
            widths[_HEADLINE] = max(room - _CHECKBOX_PX - widths.get("Date", 0), room // 3)
    elif room is not None and _HEADLINE in table:
        widths[_HEADLINE] = _headline_width(table[_HEADLINE], room - _CHECKBOX_PX - widths.get("Date", 0), room)
    return widths


def _headline_width(headlines: pd.Series, beside_date: int, room: int) -> int:
    """A wider page's "What happened": as wide as its longest headline, up to all the room beside the date (the
    columns after it a scroll away), at least a third of the room. Left to the table, it took the width of its
    first rows' headlines and cut a longer one at its border with nothing to say so ("...would be pas")."""
    return max(room // 3, min(beside_date, _fitted_px(set(headlines.dropna().astype(str)))))


def _fitted_px(texts: Iterable[str]) -> int:
    """The width of a column that shows the widest of `texts` whole: its measured width (text_px), the cells'
    padding and a few px of margin. The Date column was sized by an average character (6.4 px) while the phone's
    rows counted measured widths: "Wednesday 16 November 2005" (179 px in Chromium, 166 by the average) was cut by
    9 px, "Sunday 4 April 2021, evening" (167 px, 179 by the average) given 12 px it did not need."""
    return math.ceil(max((text_px(t) for t in texts), default=0.0)) + _CELL_PADDING


def text_px(text: str) -> float:
    """`text`'s width (px) in the table's font, by its characters' measured widths (kerning would only narrow it)."""
    return sum(_CHAR_WIDTHS.get(ch, _UNKNOWN_CHAR_PX) for ch in text)


def wrapped_lines(text: str, px: int) -> int:
    """How many lines `text` takes in a table cell `px` wide when the table wraps (at spaces, as the table does)."""
    return len(_wrap(text, px - _CELL_PADDING))


def _wrap(text: str, room: float) -> list[str]:
    """`text` in lines of at most `room` px, broken at spaces (a word wider than a line, at a character)."""
    lines: list[str] = []
    line, line_px, space_px = "", 0.0, _CHAR_WIDTHS[" "]
    for word in (piece for whole in text.split() for piece in _pieces(whole, room)):
        word_px = text_px(word)
        if line and line_px + space_px + word_px <= room:
            line, line_px = f"{line} {word}", line_px + space_px + word_px
            continue
        if line:
            lines.append(line)
        line, line_px = word, word_px
    return [*lines, line]


def _pieces(word: str, room: float) -> list[str]:
    """`word` as it fills lines `room` px wide: itself, or the pieces of one wider than a line."""
    pieces = [""]
    for ch in word:
        if pieces[-1] and text_px(pieces[-1] + ch) > room:
            pieces.append("")
        pieces[-1] += ch
    return pieces


def row_layout(table: pd.DataFrame, widths: dict[str, int], room: int | None) -> tuple[pd.DataFrame, int | None]:
    """The events table and its row height (None: Streamlit's one-line 35 px rows). On a phone (`room` below
    PHONE_PX) the cells always wrap (phone_rows); on a wider page the rows stay one line while every Date and What
    happened cell fits its column (fitted_widths), and wrap as on a phone when one does not (a narrow window, a
    long headline): a headline is read whole in the table, never cut at its column's border."""
    if room is None or _HEADLINE not in widths:
        return table, None
    if room >= PHONE_PX and all(n == 1 for column in _cell_lines(table, widths).values() for n in column):
        return table, None
    return phone_rows(table, widths)


def _cell_lines(table: pd.DataFrame, widths: dict[str, int]) -> dict[str, list[int]]:
    """The lines each Date and What happened cell takes at its column's width (wrapped_lines)."""
    return {c: [wrapped_lines(v, widths[c]) if isinstance(v, str) else 1 for v in table[c]]
            for c in ("Date", _HEADLINE) if c in table and c in widths}


def phone_rows(table: pd.DataFrame, widths: dict[str, int]) -> tuple[pd.DataFrame, int]:
    """A phone's table (`widths`: fitted_widths at its room) and the row height that shows its Date and What
    happened cells whole: at least WRAPPED_ROW_PX, at most MAX_ROW_LINES lines. A 72 px row held four lines, and a
    headline of five ("...replaced him with an army / general") was cut at its bottom with nothing to say so; one
    longer than MAX_ROW_LINES is cut at a word with "…" (the whole of it is the picked event's headline, one tap
    on its row away)."""
    lines = _cell_lines(table, widths)
    fitted = min(MAX_ROW_LINES, max((n for column in lines.values() for n in column), default=1))
    if max(lines.get(_HEADLINE, []), default=0) > MAX_ROW_LINES:
        room = widths[_HEADLINE] - _CELL_PADDING
        table = table.assign(**{_HEADLINE: [_cut_lines(v, room) if n > MAX_ROW_LINES else v
                                            for v, n in zip(table[_HEADLINE], lines[_HEADLINE], strict=True)]})
    return table, max(WRAPPED_ROW_PX, fitted * _LINE_PX + _ROW_PADDING)


def _cut_lines(text: str, room: float) -> str:
    """`text`'s first MAX_ROW_LINES lines `room` px wide, the last ending in "…" (cut at a word when one fits)."""
    kept = _wrap(text, room)[:MAX_ROW_LINES]
    last = kept[-1]
    while last and text_px(last + "…") > room:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    kept[-1] = last.rstrip() + "…"
    return " ".join(kept)


# ---------------------------------------------------------------- words on the page

def event_count(shown: int, total: int) -> str:
    """'7', or '3 of 7' when filters hide some."""
    return f"{shown:,}" if shown == total else f"{shown:,} of {total:,}"


def year_range(years: tuple[int, int]) -> str:
    """'2021', or '2003 – 2021'."""
    return f"{years[0]}" if years[0] == years[1] else f"{years[0]} – {years[1]}"


def day_count(shown: pd.DataFrame) -> int:
    """How many events are dated to the day (or finer)."""
    return int(shown["granularity"].isin(POINT_GRANULARITIES).sum())


def event_facts(event: pd.Series) -> list[tuple[str, str]]:
    """What the event panel's fact table says of any event, article or collection."""
    return [
        ("When", date_in_words(str(event["value"]), event.get("mod"))),
        ("As written", str(event["expression"])),
        ("Precision", str(event["granularity"])),
        ("Covers", interval_text(event["start"], event["end"])),
    ]


def event_choice(event: pd.Series) -> str:
    """An event as one line of the keyboard picker: its date in words, as the table and the story say it
    ("Sunday 4 April 2021": a reader types "April"), then what happened (or the date expression as written
    when it has no headline)."""
    what = event.get("headline")
    what = what if isinstance(what, str) and what.strip() else f"“{event['expression']}”"
    return f"{date_in_words(str(event['value']), event.get('mod'))} · {what}"


def event_choices(frame: pd.DataFrame) -> dict[str, str]:
    """`event_choice` of every event of `frame`, by event_id (made for whole columns at once: the picker
    lists every event in view, and the page is drawn again after each click or edit)."""
    headlines = frame["headline"] if "headline" in frame else pd.Series("", index=frame.index)
    whats = [h if isinstance(h, str) and h.strip() else f"“{e}”" for h, e in zip(headlines, frame["expression"],
                                                                               strict=True)]
    whens = frame["when"] if "when" in frame else dates_in_words(frame["value"], frame.get("mod"))
    return {event_id: f"{when} · {what}" for event_id, when, what in zip(frame["event_id"], whens, whats, strict=True)}


def empty_explanation(names: Sequence[str], stuck: Sequence[str], undated: bool) -> list[str]:
    """Why an article shows no events (Markdown paragraphs): what is looked for, and the publication date
    when relative expressions (`stuck`) or an undated article (`undated`) need one."""
    lines = [f"No dated events were found in {', '.join(md_escape(n) for n in names)}.",
             "The timeline shows sentences with a date it can place: '15 March 2021', 'March 2019', "
             "'in 2014', 'the 1990s', or relative ones such as 'on Sunday' or 'last year'."]
    if stuck:
        sample = ", ".join(f"“{md_escape(e)}”" for e in stuck[:4])
        lines.append(f"It found relative dates ({sample}) but no publication date to count them from: "
                     "set the **publication date** in the sidebar to place them.")
    elif undated:
        lines.append("No publication date was found either; if the article uses relative dates, "
                     "set the **publication date** in the sidebar.")
    return lines


def published_when(published: date | None) -> str:
    """'· published 7 April 2021', or '' when no publication date is known."""
    return f"· published {published.day} {published:%B %Y}" if published else ""


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


def file_slug(text: str, limit: int = 60) -> str:
    """A file name's stem for `text`: its letters and digits, lower case, words joined by '-' up to `limit`
    characters (whole words), or 'timeline' when it has none ("US agrees to withdraw ‘remaining combat troops’
    from Iraq – reports" -> 'us-agrees-to-withdraw-remaining-combat-troops-from-iraq')."""
    words = "".join(c if c.isalnum() else " " for c in str(text).lower()).split()
    slug = words[0][:limit] if words else "timeline"  # one word longer than the limit is cut
    for word in words[1:]:
        if len(slug) + 1 + len(word) > limit:
            break
        slug += f"-{word}"
    return slug


def download_name(name: str, title: str) -> str:
    """A download's file name (timeline.publish.KINDS: 'timeline-events.csv') named after `title`, as the timeline
    file is: 'us-agrees-to-withdraw-...-events.csv', 'us-agrees-to-withdraw-....html'; a title without a slug of
    its own ('Timeline', several articles) keeps `name`."""
    slug = file_slug(title)
    if slug == "timeline":
        return name
    rest = name.removeprefix("timeline")
    return slug + rest if rest[:1] in (".", "-") else f"{slug}-{name}"


def digest(*parts: object) -> str:
    """A short stable fingerprint for widget keys and caches."""
    return hashlib.sha1(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]


# ---------------------------------------------------------------- clicks and links

def picked(state: object, name: str, field: str) -> list[str]:
    """The `field` of every point picked in a chart's selection parameter `name` (st.altair_chart's state)."""
    try:
        points = state["selection"][name]  # type: ignore[index]
    except (KeyError, TypeError):
        return []
    if not isinstance(points, list):  # nothing picked: an empty dict
        return []
    return [str(p[field]) for p in points if isinstance(p, dict) and field in p]


def table_rows(state: object) -> list[int]:
    """The rows selected in a st.dataframe's state."""
    try:
        return [int(r) for r in state["selection"]["rows"]]  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return []


def fold_clicks(ss: MutableMapping, target: str, picks: list, picks_key: str, rows: list, rows_key: str,
                ids_key: str) -> None:
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


def query_updates(current: MutableMapping, wanted: dict[str, str | None]) -> dict[str, str | None]:
    """The query-parameter changes that make `current` show `wanted` (None: remove), nothing else."""
    return {name: value for name, value in wanted.items()
            if (value is None and name in current) or (value is not None and current.get(name) != value)}
