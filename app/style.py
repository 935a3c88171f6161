"""The page's own HTML, in one place: every fragment escapes what comes from an article, and takes its
look from app/style.css (read once, here) through tl-* classes. No Streamlit here.

    marked_html("a <b> c", 2, 5)       -> "a <mark>&lt;b&gt;</mark> c"
    fact_table_html([("Precision", "day")])
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from itertools import repeat
from pathlib import Path

import pandas as pd

from timeline.publish import safe_url

__all__ = ["STYLESHEET", "articles_html", "fact_table_html", "headline_html", "link_html", "marked_html",
           "marks_html", "page_head_html", "quote_html", "stand_in_html", "story_html", "text_html"]

#: The stylesheet as one <style> block (Streamlit sends a style-only st.html to the page's head).
STYLESHEET = f"<style>{(Path(__file__).with_name('style.css')).read_text(encoding='utf-8')}</style>"


def page_head_html(title: str, caption: str) -> str:
    """The page's title (h1) and the caption under it, one element: each element a session's first frame sends
    costs the browser time before it draws the chart."""
    return f'<h1 class="tl-title">{html.escape(title)}</h1><p class="tl-caption">{html.escape(caption)}</p>'


def stand_in_html(lines: Iterable[tuple[str, str]], *, before: Iterable[str] = (), after: Iterable[str] = ()) -> str:
    """What a session's first frame shows above the chart, as one element: the `lines` ((bold, plain) text,
    escaped here) between empty room for the elements that come with the whole page (`before` and `after`
    them: tl-room-* kinds, heights in app/style.css), so the chart is drawn where it stays."""
    rooms = [[f'<div class="tl-room tl-room-{kind}"></div>' for kind in kinds] for kinds in (before, after)]
    texts = [f"<b>{html.escape(bold)}</b> {html.escape(plain)}" if bold else html.escape(plain) for bold, plain in lines]
    parts = [*rooms[0], *(f'<p class="tl-line">{text}</p>' for text in texts), *rooms[1]]
    return f'<div class="tl-stand-in">{"".join(parts)}</div>'


def marked_html(text: str, start: int, end: int, *, tag: str = "mark") -> str:
    """`text` escaped for HTML with only text[start:end] wrapped in <tag>; nothing else is markup."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return (html.escape(text[:start]) + f"<{tag}>" + html.escape(text[start:end]) + f"</{tag}>"
            + html.escape(text[end:]))


def marks_html(text: str, marks: Iterable[tuple[int, int, str]]) -> str:
    """`text` escaped, each (start, end, css class) span wrapped in <mark class=...>; overlapping or
    out-of-range spans are skipped (the first one kept)."""
    out, position = [], 0
    for start, end, css in sorted(marks):
        if start < position or not 0 <= start < end <= len(text):
            continue
        out += [html.escape(text[position:start]), f'<mark class="{html.escape(css, quote=True)}">',
                html.escape(text[start:end]), "</mark>"]
        position = end
    return "".join(out) + html.escape(text[position:])


def headline_html(headline: str) -> str:
    """The selected event's headline, escaped, above its sentence."""
    return f'<p class="tl-headline">{html.escape(headline)}</p>'


def quote_html(marked: str) -> str:
    """The selected event's sentence (already escaped and marked) as a block quote."""
    return f'<blockquote class="tl-quote">{marked}</blockquote>'


def text_html(text: str, start: int | None = None, end: int | None = None, marked: str = "") -> str:
    """`text` escaped, with text[start:end] replaced by the highlighted sentence `marked` (already escaped);
    all of it plain when no `start` is given."""
    if start is None or end is None:
        return f'<div class="tl-text">{html.escape(text)}</div>'
    return (f'<div class="tl-text">{html.escape(text[:start])}<span class="tl-sentence">{marked}</span>'
            f"{html.escape(text[end:])}</div>")


def fact_table_html(rows: Iterable[tuple[str, object]]) -> str:
    """Label/value rows as a borderless two-column table, both escaped."""
    cells = "".join(f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>" for k, v in rows)
    return f'<table class="tl-facts">{cells}</table>'


def link_html(url: str) -> str:
    """An article's address as a link (checked by the caller with safe_url; opened only when clicked)."""
    return (f'<a class="tl-link" href="{html.escape(url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer nofollow">{html.escape(url)}</a>')


def articles_html(articles: pd.DataFrame) -> str:
    """Each article as its name (an `article` column: collection_view.article_names), source and date, and its
    address as a link (never fetched by the page)."""
    items = []
    for _, article in articles.iterrows():
        title = article["article"]
        published = article["published"]
        meta = " · ".join(str(x) for x in (article.get("source"), None if pd.isna(published)
                                            else f"{published:%Y-%m-%d}") if x)
        url = safe_url(article.get("url"))
        link = f"<br>{link_html(url)}" if url else ""
        items.append(f'<li><b>{html.escape(str(title))}</b><br><span class="tl-meta">{html.escape(meta)}</span>'
                     f"{link}</li>")
    return f'<ul class="tl-articles">{"".join(items)}</ul>'


def story_html(when: Iterable[str], headlines: Iterable[str], sources: Iterable[str],
               granularities: Iterable[str], picked: Iterable[bool] | None = None) -> str:
    """A vertical timeline: per event its date in words, its headline, then its source (all escaped; an
    empty source is left out). A date known only to a month, a year or coarser is marked as such (tl-coarse);
    the event picked on the chart, the table or the pick box is marked too (tl-picked, aria-current), so the
    reader finds it in the story."""
    items = []
    rows = zip(when, headlines, sources, granularities, picked if picked is not None else repeat(False), strict=False)
    for day, headline, source, granularity, chosen in rows:
        classes = [c for c, on in (("tl-coarse", granularity not in ("day", "time")), ("tl-picked", chosen)) if on]
        attributes = (f' class="{" ".join(classes)}"' if classes else "") + (' aria-current="true"' if chosen else "")
        meta = f'<span class="tl-meta">{html.escape(str(source))}</span>' if source else ""
        items.append(f"<li{attributes}><time>{html.escape(str(day))}</time><p>{html.escape(str(headline))}</p>"
                     f"{meta}</li>")
    # The list scrolls past a screenful (style.css); a scrolling region must take the keyboard focus
    # (axe-core: scrollable-region-focusable), so it is a focusable, named region.
    return f'<div class="tl-story-box" tabindex="0" role="region" aria-label="Story">' \
        f'<ol class="tl-story">{"".join(items)}</ol></div>'
