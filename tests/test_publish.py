"""Publishing (timeline.publish): the self-contained page, dates in words, the curated exports.

Golden examples on hand-made events (their dates, headlines and sentences are known exactly), the
bundled article end to end, hostile article text (shown as text, never markup), a property test that
any text survives the page as text, and a curated timeline: hidden events are nowhere, edits everywhere.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline.curation import AddEvent, EditHeadline, Hide, Merge, apply_operations, article_hash, event_key
from timeline.publish import (
    KINDS,
    events_frame,
    export,
    page_html,
    render_html,
    vega_bundle,
)
from timeline.publish.frame import articles_of
from timeline.publish.page import LAYOUT_WIDTHS
from timeline.types import Document, Event, Span, Timeline

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "us-iraq-withdrawal-2021-04-07.txt"
HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">'


def make_event(id: int, value: str, headline: str, sentence: str, expression: str, at: int = 0) -> Event:
    """An event as extraction makes it, by hand: `expression` is found in `sentence`, which starts at `at`."""
    granularity, start, end = timeline.interval(value)
    offset = at + sentence.index(expression)
    return Event(id=id, value=value, granularity=granularity, start=start, end=end, headline=headline,
                 short_headline=headline[:40], trigger=None, sentence=sentence, sentence_start=at,
                 sentence_end=at + len(sentence), expression=expression, expression_start=offset,
                 expression_end=offset + len(expression), mentions=(Span(offset, offset + len(expression)),))


def article(name: str, published: date | None, *events: Event, title: str | None = None) -> Timeline:
    return Timeline(Document(text="", published=published, name=name, title=title, dateline=None), events=events)


def two_articles() -> list[Timeline]:
    first = article(
        "https://news.example/iraq", date(2021, 4, 7),
        make_event(0, "2021-04-04", "Two rockets were fired on the base", "On Sunday, two rockets were fired.",
                   "Sunday"),
        make_event(1, "2003-03", "The US invaded Iraq", "The US invaded Iraq in March 2003.", "March 2003", 40),
        title="US to pull troops",
    )
    second = article("notes.txt", None, make_event(0, "2014", "IS claimed territory", "In 2014, IS claimed land.",
                                                   "2014"))
    return [first, second]


def parse(page: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page)


def select(tree: lxml.html.HtmlElement, selector: str) -> list:
    """The elements a simple CSS selector names: descendants 'tag.class tag', no more (no cssselect here)."""
    steps = []
    for part in selector.split():
        tag, _, css = part.partition(".")
        steps.append(tag + (f"[contains(concat(' ', normalize-space(@class), ' '), ' {css} ')]" if css else ""))
    return tree.xpath(".//" + "//".join(steps))


def texts(tree: lxml.html.HtmlElement, selector: str) -> list[str]:
    return [node.text_content() for node in select(tree, selector)]


# ---------------------------------------------------------------- the page

def test_page_lists_every_event_in_time_order_with_its_date_headline_sentence_and_source() -> None:
    tree = parse(render_html(two_articles()))
    assert tree.findtext(".//title") == "Timeline" and texts(tree, "h1") == ["Timeline"]
    assert texts(tree, "li.event time") == ["March 2003", "2014", "Sunday 4 April 2021"]
    assert [t.get("datetime") for t in select(tree, "li.event time")] == ["2003-03", "2014", "2021-04-04"]
    assert texts(tree, "li.event h3") == ["The US invaded Iraq", "IS claimed territory",
                                          "Two rockets were fired on the base"]
    assert texts(tree, "li.event blockquote mark") == ["March 2003", "2014", "Sunday"]
    assert texts(tree, "li.event blockquote")[2] == "On Sunday, two rockets were fired."
    assert [li.get("id") for li in select(tree, "li.event")] == ["event-0-1", "event-1-0", "event-0-0"]
    sources = select(tree, "li.event p.source")
    assert sources[0].text_content() == "Source: US to pull troops, published Wednesday 7 April 2021"
    assert [a.get("href") for a in select(sources[0], "a")] == ["https://news.example/iraq"]
    assert sources[1].text_content() == "Source: notes.txt" and not select(sources[1], "a")
    assert "3 events, 2003 – 2021, from 2 articles" in select(tree, "p.lede")[0].text_content()


def test_one_article_titles_the_page_and_a_title_given_wins() -> None:
    one = two_articles()[:1]
    assert texts(parse(render_html(one)), "h1") == ["US to pull troops"]
    assert texts(parse(render_html(one, title="Withdrawal")), "h1") == ["Withdrawal"]


def test_the_bundled_article_is_published_whole() -> None:
    tl = timeline.extract(SEED.read_text(encoding="utf-8"), published=date(2021, 4, 7), name=SEED.name)
    tree = parse(render_html([tl]))
    events = sorted(tl.events, key=lambda e: (e.start, e.end, e.expression_start))
    assert texts(tree, "li.event h3") == [e.headline for e in events]
    assert texts(tree, "li.event blockquote") == [e.sentence for e in events]
    assert texts(tree, "li.event blockquote mark") == [e.expression for e in events]
    assert "Sunday 4 April 2021" in texts(tree, "li.event time") and "March 2003" in texts(tree, "li.event time")
    spec = json.loads(tree.get_element_by_id("timeline-spec").text)
    rows = next(iter(spec["datasets"].values()))
    assert sorted(r["headline"] for r in rows) == sorted(e.headline for e in events)


def test_the_page_needs_nothing_from_outside() -> None:
    tree = parse(render_html(two_articles()))
    assert not tree.xpath("//*[@src]") and not tree.xpath("//link") and not tree.xpath("//iframe|//object|//embed")
    assert {a.get("href") for a in tree.xpath("//a[@href]")} == {"https://news.example/iraq"}
    scripts = tree.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/json"] * len(LAYOUT_WIDTHS) + [None, None]
    assert scripts[-2].text == vega_bundle() and "window.vegaEmbed" in vega_bundle()
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    for script in scripts[-2:]:  # only the page's own scripts may run: by hash
        digest = base64.b64encode(hashlib.sha256(script.text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_print_stylesheet_shows_links_and_the_marked_date_on_paper() -> None:
    css = parse(render_html(two_articles())).findtext(".//style")
    printed = css[css.index("@media print"):]
    assert "attr(href)" in printed and "break-inside: avoid" in printed and "mark" in printed


def test_article_text_is_shown_as_text_never_run() -> None:
    hostile = article(
        f"{HOSTILE}.txt", date(2021, 4, 7),
        make_event(0, "2021-04-04", f"Rockets {HOSTILE}", f"On Sunday {HOSTILE} rockets </script> fell.", "Sunday"),
        title=f"</title>{HOSTILE}",
    )
    page = render_html([hostile])
    tree = parse(page)
    assert len(tree.xpath("//script")) == len(LAYOUT_WIDTHS) + 2 and not tree.xpath("//img") and not tree.xpath("//*[@onerror]")
    assert texts(tree, "h1") == [f"</title>{HOSTILE}"] and tree.findtext(".//title") == f"</title>{HOSTILE}"
    assert texts(tree, "li.event h3") == [f"Rockets {HOSTILE}"]
    assert texts(tree, "li.event blockquote") == [f"On Sunday {HOSTILE} rockets </script> fell."]
    spec_text = tree.get_element_by_id("timeline-spec").text
    assert "<" not in spec_text  # nothing in the data can end the script element
    rows = next(iter(json.loads(spec_text)["datasets"].values()))
    assert rows[0]["headline"] == f"Rockets {HOSTILE}"


def test_only_http_addresses_become_links() -> None:
    tl = article("javascript:alert(1)", None, make_event(0, "2014", "A", "In 2014 a.", "2014"))
    tree = parse(render_html([tl]))
    assert not tree.xpath("//a") and "javascript:alert(1)" in tree.text_content()


def test_nothing_to_publish_is_a_page_that_says_so() -> None:
    tree = parse(render_html([article("empty.txt", None)]))
    assert texts(tree, "p.empty") == ["No events to publish."]
    assert not tree.xpath("//script") and not select(tree, "li.event")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headline=st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("<>&\"'/"), min_size=1),
       before=st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("<>&\"'/")))
def test_any_text_comes_out_of_the_page_as_the_same_text(headline: str, before: str) -> None:
    sentence = f"{before} in 2014."
    tl = article("a.txt", None, make_event(0, "2014", headline, sentence, "2014", 0))
    tree = parse(page_html(events_frame([tl]), articles_of([tl]), title=headline))
    assert texts(tree, "li.event h3") == [headline] and texts(tree, "h1") == [headline]
    assert texts(tree, "li.event blockquote") == [sentence] and texts(tree, "li.event blockquote mark") == ["2014"]
    assert len(tree.xpath("//script")) == len(LAYOUT_WIDTHS) + 2 and len(tree.xpath("//body//*")) == len(parse(page_html(
        events_frame([article("a.txt", None, make_event(0, "2014", "x", " in 2014.", "2014"))]),
        articles_of([tl]), title="x")).xpath("//body//*"))


# ---------------------------------------------------------------- exports

def test_every_export_holds_the_published_events() -> None:
    timelines = two_articles()
    frame = events_frame(timelines)
    made = {kind: export(frame, kind, title="T", articles=articles_of(timelines)) for kind in KINDS}
    rows = list(csv.DictReader(io.StringIO(made["csv"].decode("utf-8"))))
    assert [r["headline"] for r in rows] == ["The US invaded Iraq", "IS claimed territory",
                                             "Two rockets were fired on the base"]
    assert [r["start"] for r in rows] == ["2003-03-01", "2014-01-01", "2021-04-04"]
    assert [r["headline"] for r in json.loads(made["json"])] == [r["headline"] for r in rows]
    slides = json.loads(made["timelinejs"])["events"]
    assert [s["text"]["headline"] for s in slides] == [r["headline"] for r in rows]
    assert made["png"].startswith(b"\x89PNG") and made["html"].startswith(b"<!DOCTYPE html>")


def test_the_svg_marks_carry_their_headlines() -> None:
    svg = ElementTree.fromstring(export(events_frame(two_articles()), "svg", title="T"))
    ns = {"svg": "http://www.w3.org/2000/svg"}
    marks = [p for g in svg.iter("{http://www.w3.org/2000/svg}g")
             if re.search(r"\b(spans|points)_marks\b", g.get("class", "")) for p in g.findall("svg:path", ns)]
    # A screen reader reads the date in words, what happened and (events of several articles) the article.
    assert sorted(m.get("aria-label") for m in marks) == [
        "2014: IS claimed territory (notes.txt)",
        "March 2003: The US invaded Iraq (US to pull troops)",
        "Sunday 4 April 2021: Two rockets were fired on the base (US to pull troops)",
    ]
    assert {m.get("aria-roledescription") for m in marks} == {"event"}
    drawn = [t.text for g in svg.iter("{http://www.w3.org/2000/svg}g") if "role-mark" in g.get("class", "")
             for t in g.iter("{http://www.w3.org/2000/svg}text")]
    assert sorted(drawn) == sorted(e.short_headline for t in two_articles() for e in t.events)


def test_an_unknown_export_is_refused() -> None:
    with pytest.raises(ValueError, match="no export 'pdf'"):
        export(events_frame(two_articles()), "pdf", title="T")


# ---------------------------------------------------------------- a curated timeline

def curated_seed():
    text = SEED.read_text(encoding="utf-8")
    tl = timeline.extract(text, published=date(2021, 4, 7), name=SEED.name)
    keys = {e.value: event_key(article_hash(text), e) for e in tl.events}
    other = article("other.txt", None, make_event(0, "2003-03", "Coalition forces entered Iraq",
                                                  "Coalition forces entered Iraq in March 2003.", "March 2003"))
    other_key = event_key(article_hash(""), other.events[0])
    ops = [Hide(keys["2014"]), EditHeadline(keys["2021-04-04"], "Rockets hit Balad <b>air base</b>"),
           AddEvent("manual:1", "2020-01", "Soleimani killed", note="Added from wire copy",
                    link="https://wire.example/soleimani"),
           Merge(keys["2003-03"], other_key)]
    return tl, apply_operations([tl, other], ops)


def test_a_curated_timeline_publishes_its_visible_events_as_edited() -> None:
    tl, curated = curated_seed()
    hidden = next(e for e in tl.events if e.value == "2014")
    page = render_html(curated)
    tree = parse(page)
    headlines = texts(tree, "li.event h3")
    assert len(headlines) == len(tl.events) - 1 + 1  # one hidden, one added, one merged into another
    assert hidden.headline not in page and hidden.sentence not in page
    assert "Rockets hit Balad <b>air base</b>" in headlines and "Soleimani killed" in headlines
    added = select(tree, "li.event")[headlines.index("Soleimani killed")]
    assert texts(added, "p.note") == ["Added from wire copy"] and not select(added, "blockquote")
    assert [a.get("href") for a in select(added, "a")] == ["https://wire.example/soleimani"]
    bare = apply_operations(curated.extracted, [AddEvent("manual:2", "2019", "Talks began")])
    bare_tree = parse(render_html(bare))
    talks = texts(bare_tree, "li.event h3").index("Talks began")
    assert texts(bare_tree, "li.event p.source")[talks] == "Added by the editor"
    merged = select(tree, "li.event")[texts(tree, "li.event time").index("March 2003")]
    assert len(select(merged, "blockquote")) == 2
    assert "Also in: other.txt" in texts(merged, "p.source")
    assert "Coalition forces entered Iraq in March 2003." in texts(merged, "blockquote")


def test_curated_exports_leave_hidden_events_out() -> None:
    tl, curated = curated_seed()
    hidden = next(e for e in tl.events if e.value == "2014")
    frame = events_frame(curated)
    for kind in ("csv", "json", "timelinejs", "svg", "html"):
        data = export(frame, kind, title="T", articles=articles_of(curated)).decode("utf-8")
        assert hidden.headline not in data, kind
        assert "Soleimani killed" in data, kind
    rows = list(csv.DictReader(io.StringIO(export(frame, "csv", title="T").decode("utf-8"))))
    added = next(r for r in rows if r["headline"] == "Soleimani killed")
    assert (added["note"], added["link"]) == ("Added from wire copy", "https://wire.example/soleimani")


def test_the_timelinejs_export_keeps_a_notes_link_and_the_articles_address() -> None:
    """An event added by hand says its note and links its source; every slide links its article's address."""
    tl, curated = curated_seed()
    urls = ["https://news.example/iraq", None]
    frame = events_frame(curated, urls)
    slides = json.loads(export(frame, "timelinejs", title="T", articles=articles_of(curated, urls)))["events"]
    added = next(s for s in slides if s["text"]["headline"] == "Soleimani killed")
    body = lxml.html.fragment_fromstring(added["text"]["text"], create_parent="div")
    assert [p.text_content() for p in body.iter("p")][0] == "Added from wire copy"
    assert [a.get("href") for a in body.iter("a")] == ["https://wire.example/soleimani",
                                                        "https://news.example/iraq"]
    extracted = next(s for s in slides if s["text"]["headline"] == tl.events[0].headline)
    links = lxml.html.fragment_fromstring(extracted["text"]["text"], create_parent="div").iter("a")
    assert [(a.get("href"), a.text_content()) for a in links] == [("https://news.example/iraq",
                                                                  articles_of(curated, urls)[0].name)]
