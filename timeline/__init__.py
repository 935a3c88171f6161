"""timeline: news article text -> dated events with their source sentences.

    >>> from datetime import date
    >>> from timeline import extract
    >>> tl = extract("On Sunday, two rockets were fired.", published=date(2021, 4, 7))
    >>> [(e.value, e.expression) for e in tl.events]
    [('2021-04-04', 'On Sunday')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from timeline.curation import (
    CuratedTimeline,
    TimelineFile,
    TimelineFileError,
    apply_operations,
    dump_timeline_file,
    load_timeline_file,
    timeline_file,
)
from timeline.documents import DocumentError, find_dateline, read_document
from timeline.events import HeadlineFailure, build_events
from timeline.fetch import FetchError, FetchLimits, fetch_document
from timeline.limits import check_size, dates_dropped_note, max_dates
from timeline.ruleset import DEFAULT_LANGUAGE, Ruleset, load_ruleset
from timeline.sentences import split_sentences
from timeline.tagger import count_candidates, tag
from timeline.timeml import TimemlDocument, read_timeml
from timeline.timex3 import format_value, interval, is_well_formed, parse_value
from timeline.types import Dateline, Document, Event, Granularity, Span, Timeline, Timex, TimexType, Trigger, Unread
from timeline.values import Duration, TimeValue

# The public API: what benchmarks, the dashboard and other programs may import (tests/test_imports.py).
__all__ = [
    "Dateline", "Document", "DocumentError", "Duration", "Event", "FetchError", "FetchLimits", "Granularity",
    "HeadlineFailure", "Ruleset", "Span",
    "TimeValue", "Timeline", "TimemlDocument", "Timex", "TimexType", "Trigger",
    "extract", "extract_document", "fetch_document", "format_value", "interval", "is_well_formed", "load_ruleset", "parse_value",
    "publication_day",
    "read_document", "read_timeml", "tag",
    # curation: the operation log and the *.timeline.json file (timeline.curation)
    "CuratedTimeline", "TimelineFile", "TimelineFileError", "apply_operations", "dump_timeline_file",
    "load_timeline_file", "timeline_file",
    # publishing: the self-contained HTML page (timeline.publish holds the exports too)
    "render_html",
]


def extract(text: str, published: date | str | None = None, *, name: str | None = None,
            language: str = DEFAULT_LANGUAGE) -> Timeline:
    """Find the dated events of an article's text.

    `published` (a date, or "YYYY-MM-DD") anchors relative dates ("on Sunday"); when None, a dateline in
    the text ("7 Apr, 2021" under the headline, "Published: ...") is used, and
    failing that relative expressions stay unanchored (e.g. "XXXX-WXX-7").
    `language` names the folder of `timeline/lang/` whose rules tag the text.
    Raises ValueError for a `published` that is no calendar date.
    """
    check_size(text)
    published = publication_day(published)
    source = "user" if published else None
    dateline = find_dateline(text)
    if published is None and dateline is not None:
        published, source = dateline.day, "dateline"
    document = Document(text=text, published=published, published_source=source, name=name, dateline=dateline)
    return _run(document, load_ruleset(language))


def publication_day(published: date | str | None) -> date | None:
    """`published` as a date: a datetime's day, an ISO "YYYY-MM-DD" string parsed; a ValueError says why not."""
    if published is None or type(published) is date:
        return published
    if isinstance(published, date):  # a datetime: its day (a time of day would not compare with dates)
        return published.date()
    if isinstance(published, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published.strip()):
        try:
            return date.fromisoformat(published.strip())
        except ValueError:
            pass
    raise ValueError(f"published must be a calendar date (a date or 'YYYY-MM-DD'), not {published!r}")


def render_html(source: Sequence[Timeline] | CuratedTimeline, *, title: str | None = None,
                urls: Sequence[str | None] = ()) -> str:
    """One self-contained HTML page publishing `source` (timelines, or a curated timeline's visible events):
    the chart with Vega inlined, the story list with dates in words, source links, a print stylesheet;
    it works offline. See timeline.publish (imported here on first use: it needs pandas and Altair)."""
    from timeline.publish import render_html as render

    return render(source, title=title, urls=urls)


def extract_document(document: Document) -> Timeline:
    """Run the pipeline on a Document whose publication date is already decided.

    The dateline is the one found when the document was read (`Document.dateline`); only a
    Document built by hand, which has not been read, is searched for one here.
    Raises limits.InputTooLarge (a ValueError) above limits.MAX_TEXT_CHARS characters.
    """
    check_size(document.text)
    if document.dateline is Unread.UNREAD:
        document = replace(document, dateline=find_dateline(document.text))
    return _run(document, load_ruleset())


def _run(document: Document, ruleset: Ruleset) -> Timeline:
    """text -> sentences -> timexes -> events; the dateline itself is a timex but not an event."""
    text = document.text
    sentences = split_sentences(text, ruleset.words)
    limit = max_dates(len(text))
    timexes = tag(text, document.published, ruleset, limit=limit)
    if len(timexes) == limit and (dropped := count_candidates(text, timexes[-1].end, ruleset)):
        note = dates_dropped_note(limit, dropped, timexes[-1].end, len(text))
        document = replace(document, notes=(*document.notes, note))
    dateline = document.dateline
    skip = dateline.span if isinstance(dateline, Dateline) and dateline.day == document.published else None
    events = build_events(text, timexes, sentences, skip=skip)
    return Timeline(document=document, timexes=tuple(timexes), events=tuple(events))

