"""What the collection page shows of a store, as plain data (pure: no Streamlit, no clock).

    auto_period((1990, 2021))                  -> "year"   (bins for the aggregated chart)
    events_view(query_events(store, ...))      -> one row per near-duplicate group, ready to chart

The collection page (app/collection_page.py) asks `timeline.collection.query` for counts and events and
uses these helpers to decide how to draw them: single events when few enough are in view, counts per
period otherwise, and near-duplicate events (same value, similar sentence, several articles) folded into one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from timeline.chart import mark_descriptions
from timeline.describe import date_in_words, dates_in_words, shorten
from timeline.documents import shown_title
from timeline.publish import Article, safe_url  # the links of this view are checked by the core
from timeline.window import span_window

__all__ = [
    "CHART_COLUMNS", "LINK_PARAMS", "TABLE_COLUMNS", "CollectionLink", "article_to_correct", "auto_period", "bin_id",
    "bin_label",
    "chart_frame", "event_key", "events_view", "folded_note", "key_dates_lines", "link_params", "published_events",
    "read_link", "reader_title", "safe_url", "source_labels", "sources_in_view",
    "starts_outside", "store_window", "table_frame",
]

#: The collection table's columns, by their name in events_view -> their heading: the date and what happened first,
#: as on the article page (at 1,000 px "Reported by" between them left a few words of the headline in view), then
#: "Reported by" (seen without scrolling sideways from 1,280 px), before the sentence the headline is cut from.
TABLE_COLUMNS = {
    "when": "Date", "headline": "What happened", "reported_by": "Reported by", "granularity": "Precision",
    "sentence": "Sentence",
    "article": "Article", "link": "Link", "source": "Source", "published": "Published",
}
#: Up to this many sources the Sources filter lists every one by its name (a handful of sites or feeds); a store of
#: more (a folder of files, each its own source) lists those in view with their titles and counts (source_labels).
SOURCES_NAMED = 20
SOURCE_TITLE_CHARS = 90  # a title in a Sources label, cut at a word past this
SOURCES_LISTED = 5000  # sources in view listed at most, the most reporting (every label goes to the browser each run)
#: Articles a key date names as reporting it (the others counted: "and 3 more").
REPORTERS_NAMED = 3
#: What the single-event chart uses of an events_view frame (every column sent goes to the browser).
CHART_COLUMNS = ["event_id", "start", "end", "granularity", "value", "mod", "expression", "headline", "short_headline",
                 "importance", "when"]


def auto_period(years: tuple[int, int]) -> str:
    """The bin for counting events over a year range: centuries over a millennium, decades over a century and a
    half, years for decades, months for a few years, else weeks (between 13 and about 150 bars: each one seen and
    clickable, and an axis that reads)."""
    span = years[1] - years[0] + 1
    if span > 1000:
        return "century"
    if span > 150:
        return "decade"
    if span > 30:
        return "year"
    if span > 2:
        return "month"
    return "week"


def bin_label(start: pd.Timestamp, period: str) -> str:
    """How a bin starting at `start` is named: '1900 – 1999', '1990s', '1998', '1998 Q2', 'March 1998',
    'week of 2 Mar 1998'."""
    start = pd.Timestamp(start)
    if period == "century":
        return f"{start.year} – {start.year + 99}"
    if period == "decade":
        return f"{start.year}s"
    if period == "year":
        return f"{start.year}"
    if period == "quarter":
        return f"{start.year} Q{start.quarter}"
    if period == "month":
        return f"{start:%B %Y}"
    if period == "week":
        return f"week of {start.day} {start:%b %Y}"
    return f"{start.day} {start:%b %Y}"


def event_key(article_id: str, event_id: int) -> str:
    """The dashboard's id for one event of a store: 'ARTICLE_ID:EVENT_ID'."""
    return f"{article_id}:{int(event_id)}"


def article_names(frame: pd.DataFrame) -> list[str]:
    """What a reader calls each row's article: its title (without a wire's routing flags: shown_title), else the name
    its lead gives it (`lead_title`: a wire story whose title line is an editor's note), else its document id (a
    TimeML DOCID), else its file's name (timeline.collection.sources.file_name), else its article id."""
    from timeline.collection.sources import file_name  # here: the article page imports this module, not the store

    def column(name: str) -> pd.Series:
        return frame[name] if name in frame else pd.Series([None] * len(frame), dtype=object, index=frame.index)

    def name(title: object, lead: object, doc_id: object, path: object, article_id: object) -> str:
        for value in (reader_title(title, lead), doc_id, file_name(str(path)) if _given(path) else None):
            if _given(value):
                return str(value).strip()
        return str(article_id)

    return [name(*row) for row in zip(column("title"), column("lead_title"), column("doc_id"), column("path"),
                                      column("article_id"), strict=True)]


def reader_title(title: object, lead: object) -> str | None:
    """An article's title as a reader is shown it (shown_title), else the name its lead gives it (`lead`, the store's
    lead_title), else None."""
    return shown_title(title) if _given(title) else str(lead).strip() if _given(lead) else None


def _given(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def events_view(events: pd.DataFrame, *, group: bool = True) -> pd.DataFrame:
    """A query_events frame -> one row per event to chart and list, near-duplicates folded when `group`.

    Adds event_id (event_key of the row), article (its title, else its path), reported_by (how many
    articles report the event: the store's `happening` groups when the frame has them, else near-duplicates
    grouped here; 1 when not grouped), mod (a group's: the part of the period its reports agree on, else
    none; see query.happenings_sql), members (the
    event_ids of the group, the row's own first) and source_text (what the chart's tooltip calls the
    article: its title, and how many others report it). Rows stay in the frame's order; a group is
    shown by its first event (the earliest start, then article id).
    """
    frame = events.reset_index(drop=True)
    keys = [event_key(a, e) for a, e in zip(frame["article_id"], frame["event_id"], strict=True)]
    article = article_names(frame)
    frame = frame.assign(event_id=keys, article=article, store_event_id=frame["event_id"])
    if group and len(frame) and "happening" in frame:  # grouped by the store (query_events(happenings=True))
        members = frame.groupby("happening", sort=False)["event_id"].agg(list)
        first = ~frame["happening"].duplicated()
        frame = frame[first].assign(members=[members[h] for h in frame.loc[first, "happening"]])
        frame["reported_by"] = frame["reported_by"].astype(int)
        if "happening_mod" in frame:
            frame["mod"] = frame.pop("happening_mod")
    elif group and len(frame):
        # Imported here: the collection package (DuckDB, Parquet) is not needed by the article page, which
        # imports this module for its link parameters; an article's first open skips its import.
        from timeline.collection.query import group_near_duplicates

        grouped = group_near_duplicates(frame)
        members = grouped.groupby("group", sort=False)["event_id"].agg(list)
        first = ~grouped["group"].duplicated()
        frame = (
            grouped[first]
            .assign(
                reported_by=grouped.loc[first, "group_articles"].astype(int),
                members=[members[g] for g in grouped.loc[first, "group"]],
                mod=_agreed(grouped["mod"], grouped["group"])[first] if "mod" in grouped else None,
            )
            .drop(columns=["group", "group_articles"])
        )
    else:
        frame = frame.assign(reported_by=1, members=[[k] for k in frame["event_id"]])
    frame = frame.drop(columns=["happening", "happening_mod"], errors="ignore")
    more = frame["reported_by"] - 1
    frame["source_text"] = [
        shorten(a, 60) + (f" (+{m} more article{'s' if m > 1 else ''})" if m > 0 else "")
        for a, m in zip(frame["article"], more, strict=True)
    ]
    return frame.reset_index(drop=True)


def source_labels(sources: pd.DataFrame) -> dict[str, str]:
    """The Sources filter's label of every source of a store of many (a folder of 2,452 wire stories is 2,452
    sources, one a file), the most reporting first (`sources`: list_sources): its events, then, for a source of one
    article, its title (reader_title: its own, else the name its lead gives it), then its name: "9 events · APEC
    ministerial meeting concludes in Hanoi · XIN_ENG_20061116.0041.tml", "34 events · Ukraine declared a state of
    emergency · AFP_ENG_20051203.0268.tml", "120 events · rt.com"; a reader finds a story by typing any words of its
    title or its file's name. The count is the store's, not the view's: Streamlit keeps a choice by its label, and a label that changed
    between two runs (a count in view, when the years moved) lost the choice on the run after (tried)."""
    table = sources.drop_duplicates("source").sort_values("events", ascending=False, kind="stable")
    leads = table["lead_title"] if "lead_title" in table else [None] * len(table)
    titles = [reader_title(t, lead) if n == 1 else None
              for t, lead, n in zip(table["title"], leads, table["articles"], strict=True)]
    return {str(name): _source_label(str(name), title, int(events))
            for name, title, events in zip(table["source"], titles, table["events"], strict=True)}


def sources_in_view(labels: dict[str, str], in_view: pd.DataFrame, chosen: Sequence[str],
                    limit: int = SOURCES_LISTED) -> dict[str, str]:
    """`labels` (source_labels, in their order) of the sources with events in view (`in_view`: count_by_source under
    the other filters), the first `limit` of them, and of those `chosen` (listed whatever the view: a choice not
    listed would be dropped)."""
    viewed, chosen = set(in_view["source"]), set(chosen)
    listed = [name for name in labels if name in viewed][:limit]
    keep = set(listed) | chosen
    return {name: label for name, label in labels.items() if name in keep}


def _source_label(name: str, title: object, events: int) -> str:
    told = shorten(title, SOURCE_TITLE_CHARS) if _given(title) else None
    return " · ".join([f"{events:,} event{'s' if events != 1 else ''}", *([told] if told and told != name else []),
                       name])


def article_to_correct(title: str | None, published: date | None, text: str) -> str:
    """An article of a store as the article page reads pasted text: its name on the first line (the page's headline
    line), its publication date alone on the next (a dateline the page finds), then its text. The collection page
    draws no editor: its events are corrected and published there, counted from the same date, under the same name."""
    head = [line for line in (" ".join(str(title or "").split()), published and f"{published.day} {published:%B %Y}")
            if line]
    return "\n\n".join([*head, text.strip()]) + "\n"


def folded_note(reports: int, happenings: int) -> str:
    """Why the chart draws fewer events than the "Events" metric counts: the metric said 307, the caption under it
    "306 in view", and nothing said why. '**307 events in view, 306 happenings**: 1 event is another article's
    report of a happening already in view, and shares its mark (...)'."""
    folded = reports - happenings
    what = ("event is another article's report of a happening already in view, and shares its mark" if folded == 1
            else "events are other articles' reports of happenings already in view, and share their marks")
    return (f"**{reports:,} events in view, {happenings:,} happenings**: {folded:,} {what} (see *Reported by*; turn "
            "off *Group reports of one happening* to draw every report).")


def chart_frame(view: pd.DataFrame) -> pd.DataFrame:
    """The columns of an events_view frame the single-event chart draws; its tooltip names the article(s), and so
    does each mark's ARIA label, one article or many: in a collection, which article reports it, and how many more,
    is part of the news. The dates in words come from `when` (story.with_importance) when the view has them."""
    frame = view[[c for c in CHART_COLUMNS if c in view]].assign(source=view["source_text"])
    return frame.assign(description=mark_descriptions(frame.assign(when=_when(view)), with_source=True))


def _when(view: pd.DataFrame) -> list[str] | pd.Series:
    """The view's dates in words, with their mods ("Early 2005"): `when` when story.with_importance wrote it."""
    return view["when"] if "when" in view else dates_in_words(view["value"], view.get("mod"))


def _agreed(mods: pd.Series, groups: pd.Series) -> pd.Series:
    """Each row's group's mod when all its rows have the same (none included), else None."""
    said = mods.where(mods.notna(), None)
    agreed = said.fillna("").groupby(groups).transform("nunique") == 1
    return said.where(agreed, None)


def store_window(spans: dict[tuple[int, int], int], info: dict, bounds: tuple[int, int]) -> tuple[int, int]:
    """The years the collection opens on: where the events are (timeline.window), the publication years
    included, within the store's first and last event year (`bounds`). The page filters events by the year they
    start, so the window counts them there: what it leaves out is what the note says is outside."""
    published = [d.year for d in (info.get("first_published"), info.get("last_published")) if d is not None]
    starts: Counter[tuple[int, int]] = Counter()
    for (first, _), n in spans.items():
        starts[first, first] += n
    window = span_window(starts, published=published) or bounds
    lo, hi = max(window[0], bounds[0]), min(window[1], bounds[1])
    return (lo, hi) if lo <= hi else bounds


def starts_outside(spans: dict[tuple[int, int], int], years: tuple[int, int]) -> int:
    """How many events start outside `years` (the collection filters events by the year they start)."""
    return sum(n for (first, _), n in spans.items() if not years[0] <= first <= years[1])


def table_frame(view: pd.DataFrame) -> pd.DataFrame:
    """An events_view frame as the table shows it: safe links, ISO dates, headings; 'Reported by' only when
    some event is reported by more than one article."""
    table = view.assign(
        when=_when(view),
        link=[safe_url(u) for u in view["url"]] if "url" in view else None,
        published=pd.to_datetime(view["published"]).dt.strftime("%Y-%m-%d") if "published" in view else None,
    )
    columns = [c for c in TABLE_COLUMNS if c in table and (c != "reported_by" or table[c].max() > 1)]
    return table[columns].rename(columns=TABLE_COLUMNS)


def published_events(view: pd.DataFrame) -> tuple[pd.DataFrame, list[Article]]:
    """An events_view frame as the downloads publish it (timeline.publish: the article page's shape): each
    event's `source` is its article, by title (else path), and the articles with their address and date."""
    events = view.assign(source=view["article"].astype(str)).reset_index(drop=True)
    articles: dict[str, Article] = {}
    for index, row in enumerate(events.drop_duplicates("source").itertuples()):
        published = pd.Timestamp(row.published).date() if pd.notna(row.published) else None
        articles[row.source] = Article(index, row.source, row.title if isinstance(row.title, str) else None,
                                       safe_url(row.url), published)
    return events, list(articles.values())


def bin_id(period_start: pd.Series) -> pd.Series:
    """The id a counts chart gives each bar: its first day, 'YYYY-MM-DD'."""
    return period_start.dt.strftime("%Y-%m-%d")


def key_dates_lines(dates: pd.DataFrame) -> list[tuple[str, str, str]]:
    """The topic timeline (timeline.collection.key_dates) as the page lists it, one (date in words, what
    happened, who reported it) per date; text from articles is left for the page to escape. Who reported it names
    the articles as a reader tells them apart (`reporters`: a site, else the article's title or file), not the
    input they were read from: a folder's name beside every date said nothing."""
    lines = []
    for row in dates.itertuples():
        n = int(row.articles)
        what = str(row.headline)
        titles = [shown_title(t) for t in row.titles if isinstance(t, str) and t.strip()]
        if len(what.split()) < 2 and titles:  # a bare trigger ("Founded") says more beside an article's title
            what = f"{what} (“{titles[0]}”)"
        lines.append((date_in_words(str(row.value), getattr(row, "mod", None)), what,
                      f"reported by {n} article{'s' if n != 1 else ''}{_reporters(row)}"))
    return lines


def _reporters(row) -> str:
    """' (rt.com; apnews.com)', ' (Title one; Title two; Title three; and others)': the first REPORTERS_NAMED
    names, once each (`reporters`, else the older `sources`), a title without a wire's routing flags."""
    given = getattr(row, "reporters", None)
    listed = [shown_title(r) for r in (row.sources if given is None else given) if isinstance(r, str) and r.strip()]
    names = list(dict.fromkeys(listed))
    if not names:
        return ""
    others = len(names) > REPORTERS_NAMED or int(row.articles) > len(listed)  # reporters holds the first 12
    return f" ({'; '.join(shorten(name, 80) for name in names[:REPORTERS_NAMED])}{'; and others' if others else ''})"


# --------------------------------------------------------------------------------------------
# The collection view in the URL: ?store=...&years=1997-1998&site=a.com&site=b.com&precision=day&q=...
# --------------------------------------------------------------------------------------------

#: Query parameters of a collection link (the page's Sources choice is `source`, written by dashboard.py).
LINK_PARAMS = ("store", "years", "site", "precision", "q", "period", "group", "bin", "event")


@dataclass(frozen=True)
class CollectionLink:
    """What a collection link restores: the store (its name on the page), the filters, the bars' period,
    grouping, the clicked bar (period, first day) and the selected event (event_key). None: not in the link."""

    store: str | None = None
    years: tuple[int, int] | None = None
    sites: tuple[str, ...] = ()
    precision: tuple[str, ...] = ()
    keyword: str = ""
    period: str | None = None
    group: bool = True
    bin: tuple[str, str] | None = None
    event: str | None = None


def _years(text: str | None) -> tuple[int, int] | None:
    try:
        first, last = (int(y) for y in (text or "").split("-", 1))
    except ValueError:
        return None
    return (first, last) if first <= last else None


def read_link(params: Mapping[str, Sequence[str]], *, periods: Sequence[str], precisions: Sequence[str]) -> CollectionLink:
    """A collection link from query parameters (name -> every value given); anything malformed is left out."""
    def one(name: str) -> str | None:
        values = params.get(name) or []
        return values[-1] if values else None

    bin_text = one("bin") or ""
    period, _, first_day = bin_text.partition(":")
    return CollectionLink(
        store=one("store") or None,
        years=_years(one("years")),
        sites=tuple(dict.fromkeys(v for v in params.get("site") or [] if v)),
        precision=tuple(p for p in (one("precision") or "").split(",") if p in precisions),
        keyword=(one("q") or "").strip()[:200],
        period=one("period") if one("period") in periods else None,
        group=one("group") != "off",
        bin=(period, first_day) if period in periods and len(first_day) == 10 else None,
        event=one("event") or None,
    )


def link_params(link: CollectionLink) -> dict[str, list[str]]:
    """The query parameters (name -> values, empty: absent) that reopen `link`'s view."""
    return {
        "store": [link.store] if link.store else [],
        "years": [f"{link.years[0]}-{link.years[1]}"] if link.years else [],
        "site": list(link.sites),
        "precision": [",".join(link.precision)] if link.precision else [],
        "q": [link.keyword] if link.keyword else [],
        "period": [link.period] if link.period else [],
        "group": [] if link.group else ["off"],
        "bin": [f"{link.bin[0]}:{link.bin[1]}"] if link.bin else [],
        "event": [link.event] if link.event else [],
    }


