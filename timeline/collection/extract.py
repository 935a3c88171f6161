"""Raw articles -> store rows; the work a build hands to each worker process (local pool or Dask).

    extract_batch([Item("jsonl", "feed.jsonl:1", "feed.jsonl", b'{"text": "On Sunday ...", ...}', "9f2c...")])
    -> Batch(articles=[{"article_id": "9f2c...", "title": ..., ...}], events=[{...}, ...], failures=[])

Pure apart from the extraction itself: no files, no clock. A bad article becomes a Failure with a
one-line reason; nothing an article contains can stop the batch.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from timeline.collection.sources import Item, file_name, read_web_item
from timeline.documents import wire_title
from timeline.export import replace_surrogates
from timeline.types import Document

__all__ = ["Batch", "Failure", "extract_batch", "extract_item", "happening_words"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?")
_WORD = re.compile(r"[^\W_]+")
CONTENT_WORD = 4  # shortest word compared: shorter ones are mostly function words, in any alphabetic language


def happening_words(headline: str | None, sentence: str | None, trigger: str | None, lemma: str | None,
                    expression: str | None) -> str | None:
    """What an event says happened, as the words that tell reports of it apart: the distinct words of 4+
    letters of its headline (of its sentence when the headline is the bare trigger: "Struck"), not the
    trigger's nor the date's, lower case, sorted, space-separated. "" for a headline of several short words
    ("The invasion"); None for a bare trigger in a sentence with no other word."""
    words = _WORD.findall((headline or "").lower())
    worded = len(words) > 1
    if not worded:
        words = _WORD.findall((sentence or "").lower())
    trigger, lemma, date = (trigger or "").lower(), lemma or "\0", set(_WORD.findall((expression or "").lower()))
    kept = sorted({w for w in words if len(w) >= CONTENT_WORD and w != trigger and not w.startswith(lemma)
                   and w not in date})
    return " ".join(kept) if kept or worded else None


class ArticleError(ValueError):
    """An article that cannot be read; the message is one line."""


@dataclass(frozen=True)
class Failure:
    """An article (or input) that was skipped, and why."""

    path: str
    reason: str


@dataclass
class Batch:
    """The rows a batch of items produced, in item order."""

    articles: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _optional_text(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise ArticleError(f'"{name}" must be a string, not {type(value).__name__}')


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    if not _ISO_DATE.fullmatch(value.strip()):
        raise ArticleError(f'"published" must be an ISO date (YYYY-MM-DD...), not {value[:40]!r}')
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ArticleError(f'"published" is not a calendar date: {value[:40]!r}') from None


def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host.removeprefix("www.") or None


def _jsonl_document(item: Item) -> tuple[Document, dict]:
    from timeline.documents import read_document

    try:
        record = json.loads(item.data)
    except (ValueError, UnicodeDecodeError) as err:
        raise ArticleError(f"not valid JSON: {err}") from None
    if not isinstance(record, dict):
        raise ArticleError(f"a line must be a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError('no "text" (a non-empty string) in the record')
    published = _published(_optional_text(record, "published"))
    url = _optional_text(record, "url")
    # ".txt" so that the text is taken as plain text (a dateline is still looked for when no date is given).
    document = read_document(text.encode("utf-8"), name="article.txt", published=published)
    extra = {
        "doc_id": _optional_text(record, "id"),
        "title": _optional_text(record, "title") or document.title,
        "url": url,
        "source": _site(url) or item.source,
    }
    return document, extra


def _timeml_document(item: Item) -> tuple[Document, dict]:
    from timeline.timeml import read_timeml

    try:
        xml = item.data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(f"TimeML file is not UTF-8: {err}") from None
    if not xml.lstrip().startswith("<"):
        raise ArticleError("not a TimeML file (no XML)")
    parsed = read_timeml(xml)
    document = Document(
        text=parsed.text,
        published=parsed.published,
        published_source="timeml" if parsed.published else None,
        name=parsed.doc_id or None,
    )
    return document, {
        "doc_id": parsed.doc_id or None,
        "title": wire_title(parsed.title),
        "url": None,
        "source": item.source,
    }


def _file_document(item: Item) -> tuple[Document, dict]:
    """A file's article. A saved web page is named as a fetched one is: by the site of the address it gives of
    itself (page_address), else, when it is a file of its own (not a zip's member), by its title; the file's name
    only when it has neither (a folder of saved pages named each by its file: "page-3.html")."""
    from timeline.documents import file_kind, page_address, read_document

    name = file_name(item.path)
    document = read_document(item.data, name=name)
    page = file_kind(name, item.data) == "html"
    url = page_address(item.data, name)  # None for a file that is no web page
    own_file = name == file_name(item.source)  # a zip's articles keep the zip's name, unless a page names its site
    titled = document.title if page and own_file else None
    return document, {"doc_id": None, "title": document.title, "url": url,
                      "source": _site(url) or titled or item.source}


def _web_document(item: Item) -> tuple[Document, dict]:
    from timeline.fetch import read_fetched

    page = read_web_item(item.data)
    document = read_fetched(page)
    return document, {"doc_id": None, "title": document.title, "url": page.url,
                      "source": _site(page.url) or item.source}


_READERS = {"jsonl": _jsonl_document, "timeml": _timeml_document, "document": _file_document, "web": _web_document}


def extract_item(item: Item) -> tuple[dict, list[dict]]:
    """One raw article -> (its article row, its event rows). Raises ValueError with a one-line reason."""
    from timeline import extract_document
    from timeline.events import lemma

    if item.kind == "error":
        raise ArticleError(item.data.decode("utf-8", "replace"))
    document, extra = _READERS[item.kind](item)
    timeline = extract_document(document)
    notes = list(document.notes)
    extra["path"] = item.path
    for name, value in extra.items():  # JSON strings and file names may hold lone surrogates: not UTF-8
        if value is not None and (repaired := replace_surrogates(value)) != value:
            extra[name] = repaired
            notes.append(f"invalid characters (lone surrogates) in the {name} replaced with U+FFFD")
    article = {
        "article_id": item.key,
        "doc_id": extra["doc_id"],
        "title": extra["title"],
        "url": extra["url"],
        "published": document.published,
        "published_source": document.published_source,
        "source": extra["source"],
        "path": extra["path"],
        "kind": item.kind,
        "n_chars": len(document.text),
        "n_events": len(timeline.events),
        "notes": "; ".join(notes) or None,
        "text": document.text,
    }
    events = [
        {
            "article_id": item.key,
            "event_id": event.id,
            "value": event.value,
            "mod": event.mod,
            "granularity": event.granularity.value,
            "start": event.start,
            "end": event.end,
            "headline": event.headline,
            "short_headline": event.short_headline,
            "trigger_main": event.main_clause,
            "trigger": event.trigger.text if event.trigger else None,
            "trigger_lemma": lemma(event.trigger.text) if event.trigger else None,
            "happening_words": happening_words(event.headline, event.sentence, event.trigger.text if event.trigger
                                               else None, lemma(event.trigger.text) if event.trigger else None,
                                               event.expression),
            "trigger_start": event.trigger.start if event.trigger else None,
            "trigger_end": event.trigger.end if event.trigger else None,
            "sentence": event.sentence,
            "sentence_start": event.sentence_start,
            "sentence_end": event.sentence_end,
            "expression": event.expression,
            "expression_start": event.expression_start,
            "expression_end": event.expression_end,
            "published": document.published,
            "source": extra["source"],
        }
        for event in timeline.events
    ]
    return article, events


def extract_batch(items: list[Item]) -> Batch:
    """Extract every item; a bad one becomes a Failure and the rest go on."""
    batch = Batch()
    for item in items:
        try:
            article, events = extract_item(item)
        except ValueError as err:  # DocumentError, ArticleError, TimeML errors: bad input
            batch.failures.append(Failure(item.path, _one_line(str(err)) or type(err).__name__))
        except RecursionError:
            batch.failures.append(Failure(item.path, "article too deeply nested to read"))
        except Exception as err:  # a bug in the pipeline: report it and keep the other articles
            batch.failures.append(
                Failure(item.path, f"internal error: {type(err).__name__}: {_one_line(str(err))}")
            )
        else:
            batch.articles.append(article)
            batch.events.extend(events)
    return batch
