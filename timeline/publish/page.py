"""Timelines -> one self-contained HTML page that works offline: the chart (Vega, Vega-Lite and vega-embed
inlined from vl-convert's bundle), the story list with dates in words, headlines, sentences with the date
marked and source links, and a print stylesheet.

Every piece of article text is escaped; a Content-Security-Policy lets only the page's own two scripts
run (by hash) and forbids every request, so the page fetches nothing and text that looks like a script
stays text.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from timeline.chart import timeline_chart
from timeline.describe import date_in_words
from timeline.publish.frame import Article, Publishable, all_years, articles_of, events_frame
from timeline.timelinejs import marked_sentence

__all__ = ["LAYOUT_WIDTHS", "page_html", "page_title", "render_html", "vega_bundle"]

_HERE = Path(__file__).resolve().parent
_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def render_html(source: Publishable, *, title: str | None = None, urls: Sequence[str | None] = ()) -> str:
    """The published page of `source`: timelines (one per article; every event in them is published) or a
    curated timeline (its visible events, with the notes, links and merged reports the reader added).

    `title` defaults to the article's title or name when there is one article, else 'Timeline';
    `urls[i]` links article i (a fetched article's address).
    """
    articles = articles_of(source, urls)
    return page_html(events_frame(source, urls), articles, title=title or page_title(articles))


def page_title(articles: Sequence[Article]) -> str:
    """The page's title when none is given: the one article's title or name, else 'Timeline'."""
    return articles[0].name if len(articles) == 1 else "Timeline"


@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    """vega-embed, Vega-Lite (the version Altair writes) and Vega as one script (about 900 kB; built once,
    about 2 s of CPU), defining window.vegaEmbed."""
    import altair as alt
    import vl_convert

    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    bundle = vl_convert.javascript_bundle(vl_version=version if version in vl_convert.get_vegalite_versions()
                                          else None)
    if "</script" in bundle.lower() or "<!--" in bundle:  # would end or confuse the <script> element
        raise RuntimeError("the Vega bundle cannot be inlined in a <script> element")
    return bundle


#: The plot widths the published chart is laid out for (lanes and labels), one spec each: the page draws the widest
#: that fits its box (page.js), a phone's as a desktop's, and again when the window is resized past one. A wider
#: box (a wide screen gives the chart up to 88rem) keeps the 900 px layout: its labels have room to spare. Three, not
#: two: without the 600 px one a tablet's box drew the phone's layout, its labels cut to a phone's length with 800 px
#: of room; each layout costs render_html a layout and a spec (the third about 1.4x its CPU), a one-off at publishing.
LAYOUT_WIDTHS = (320, 600, 900)
#: The one of LAYOUT_WIDTHS a page without scripts' layout choice is read as (tests, tools reading #timeline-spec).
DEFAULT_LAYOUT = 900


def _chart_spec(events: pd.DataFrame, layout_width: int = DEFAULT_LAYOUT) -> str:
    """The chart's Vega-Lite spec, laid out for a plot `layout_width` px wide, as JSON safe inside a <script>. Only
    the default layout's is validated against the Vega-Lite schema (a third of the cost): the others have its shape."""
    import altair as alt

    with alt.data_transformers.disable_max_rows():
        chart = timeline_chart(events, width="container", window=all_years(events), layout_width=layout_width)
        spec = chart.to_dict(validate=layout_width == DEFAULT_LAYOUT)
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":")).translate(_JSON_IN_HTML)


def _chart_specs(events: pd.DataFrame) -> str:
    """One JSON script element per layout width; the default one keeps the id `timeline-spec`."""
    return "".join(
        f'<script type="application/json" id="timeline-spec{"" if width == DEFAULT_LAYOUT else f"-{width}"}" '
        f'data-layout-width="{width}">{_chart_spec(events, width)}</script>' for width in LAYOUT_WIDTHS)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _datetime_attribute(row: pd.Series) -> str:
    """A valid <time datetime> no more precise than the event: '2021-04-04', '2003-03', '2014'."""
    start = row["start"]
    if row["granularity"] == "year":
        return f"{start.year:04d}"
    if row["granularity"] == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}-{start.month:02d}-{start.day:02d}"


def _link(url: str, text: str) -> str:
    bare = ' class="bare"' if text == url else ""  # on paper, the address is not printed twice
    return f'<a href="{_esc(url)}"{bare} rel="noopener noreferrer nofollow">{_esc(text)}</a>'


def _cited(name: str, article: Article | None) -> str:
    """The article by name, a link when it has an address, with its publication date."""
    cited = _link(article.url, name) if article and article.url else f"<cite>{_esc(name)}</cite>"
    if article and article.published:
        cited += f", published {date_in_words(article.published.isoformat())}"
    return cited


def _quote(sentence: str, expression: str, start: int | None = None, sentence_start: int | None = None) -> str:
    row = {"sentence": sentence, "expression": expression}
    if start is not None and sentence_start is not None:
        row.update(expression_start=start, sentence_start=sentence_start)
    return f'<blockquote class="sentence"><p>{marked_sentence(row, tag="mark")}</p></blockquote>'


def _event_html(row: pd.Series, articles: dict[str, Article]) -> str:
    when = date_in_words(str(row["value"]), row.get("mod"))  # as precise as the text: 'March 2003', 'Sunday 4 April 2021'
    headline = str(row.get("headline") or "") or str(row["expression"])
    source = str(row["source"])
    parts = [
        f'<li class="event" id="event-{_esc(row["event_id"])}" tabindex="-1">',
        f'<p class="when"><time datetime="{_datetime_attribute(row)}">{_esc(when)}</time> '
        f'<span class="precision">({_esc(row["granularity"])})</span></p>',
        f'<h3 class="headline">{_esc(headline)}</h3>',
    ]
    if str(row.get("note") or "").strip():
        parts.append(f'<p class="note">{_esc(row["note"])}</p>')
    if str(row.get("sentence") or "").strip():
        parts.append(_quote(str(row["sentence"]), str(row["expression"]), int(row["expression_start"]),
                            int(row["sentence_start"])))
    if row.get("link"):
        parts.append(f'<p class="source">Source: {_link(str(row["link"]), str(row["link"]))}</p>')
    elif str(row.get("sentence") or "").strip():
        parts.append(f'<p class="source">Source: {_cited(source, articles.get(source))}</p>')
    else:  # added by hand, without a link: the article does not say it
        parts.append('<p class="source">Added by the editor</p>')
    for name, sentence, expression in row.get("also") or ():  # a merged event's reports in other articles
        parts += [_quote(sentence, expression), f'<p class="source">Also in: {_cited(name, articles.get(name))}</p>']
    parts.append("</li>")
    return "\n".join(parts)


def _lede(events: pd.DataFrame, articles: Sequence[Article]) -> str:
    count = f"{len(events):,} event" + ("" if len(events) == 1 else "s")
    if len(events):
        first, last = events["start"].min().year, (events["end"] - pd.Timedelta(days=1)).max().year
        count += f", {first}" + (f" – {last}" if last != first else "")
    cited = [f"<li>{_cited(a.name, a)}</li>" for a in articles]
    sources = f'<ul class="articles">{"".join(cited)}</ul>' if cited else ""
    return f'<p class="lede">{count}, from {len(articles)} article{"" if len(articles) == 1 else "s"}:</p>{sources}'


def _script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def page_html(events: pd.DataFrame, articles: Sequence[Article] = (), *, title: str = "Timeline") -> str:
    """The published page of an events frame (`events_frame`, or the dashboard's filtered events): every
    row is published, in the order given. `articles` give the sources' links and publication dates."""
    by_name = {a.name: a for a in articles}
    if len(events):
        story = "\n".join(_event_html(row, by_name) for _, row in events.iterrows())
        story = f'<ol class="story">\n{story}\n</ol>'
    else:
        story = '<p class="empty">No events to publish.</p>'
    bundle, init = vega_bundle(), (_HERE / "page.js").read_text(encoding="utf-8")
    policy = (f"default-src 'none'; script-src {_script_hash(bundle)} {_script_hash(init)} 'unsafe-eval'; "
              "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    chart = "" if events.empty else (
        '<figure class="chart"><div id="timeline-chart" class="chart-box"></div>'
        "<figcaption>Click an event on the chart to read it below.</figcaption></figure>"
        f"{_chart_specs(events)}"
        f"<script>{bundle}</script><script>{init}</script>"
    )
    css = (_HERE / "page.css").read_text(encoding="utf-8")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="timeline">
<title>{_esc(title)}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{_esc(title)}</h1>{_lede(events, articles)}</header>
{chart}
<main><h2>Events</h2>
{story}
</main>
<footer>Dates are as precise as the articles give them; each event quotes the sentence it was read from,
with the date marked. Made with timeline.</footer>
</body>
</html>
"""
