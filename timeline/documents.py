"""Reading article files (txt, Markdown, HTML, TimeML) and finding their publication date.

    read_document(b"US agrees ...\\n\\n7 Apr, 2021\\n\\nThe US has ...", name="a.txt")
    -> Document(text="US agrees ...", published=date(2021, 4, 7), published_source="dateline", ...)

Nothing here touches the network or reads the clock: HTML is parsed from the bytes given,
and dates are parsed with a fixed relative base.
"""

from __future__ import annotations

import codecs
import copy
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from timeline.limits import MAX_TEXT_CHARS, CallTimedOut, call_with_timeout, short_enough
from timeline.ruleset import load_words
from timeline.sentences import split_sentences
from timeline.types import Dateline, Document, Span

__all__ = ["DEFAULT_MAX_BYTES", "LEAD_TEXT_CHARS", "DocumentError", "file_kind", "find_dateline", "lead_title",
           "load_path", "page_address", "read_document", "shown_title", "wire_title"]

# Files over this many bytes are refused; equal to limits.MAX_TEXT_CHARS, so any file read can be extracted.
DEFAULT_MAX_BYTES = MAX_TEXT_CHARS
# Time guard around htmldate and trafilatura (see limits.call_with_timeout for what it can stop).
THIRD_PARTY_SECONDS = 20.0

# How far down the article a dateline may sit: lines starting in the first 600 characters, and
# among the first 12 non-blank lines.
DATELINE_CHARS = 600
DATELINE_LINES = 12

# Above this many HTML elements, article extraction is skipped (see _html_document).
MAX_HTML_ELEMENTS = 25_000


class DocumentError(ValueError):
    """A file that cannot be read as an article; the message is one line for the user."""


# --------------------------------------------------------------------------------------------
# Datelines
# --------------------------------------------------------------------------------------------

_WORDS = load_words()  # the dateline's month and weekday names (one language per process for now)
_MONTH = _WORDS.DATELINE_MONTH
_WEEKDAY = _WORDS.DATELINE_WEEKDAY
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_CLOCK = r"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?\s?m\.?)?|(?:1[0-2]|0?\d)\s*[ap]\.?m\.?)"
_TIME = rf"(?:,?\s*(?:at\s+)?{_CLOCK}|T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)"

# One date, with an optional weekday before it and an optional time after it (both part of the
# span: the tagger may read "Wednesday 7 April 2021 14:05" as one expression).
_DATE = re.compile(
    rf"""
    (?<![^\W_]|[/.-])
    (?:{_WEEKDAY},?\s+)?
    (?P<date>
        (?P<dmy>{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})
      | (?P<mdy>{_MONTH}\s+{_DAY},?\s+{_YEAR})
      | (?P<iso>{_YEAR}-[01]\d-[0-3]\d)
      | (?P<ymd>{_YEAR}/[01]?\d/[0-3]?\d)
      | (?P<num>(?P<n1>[0-3]?\d)[/.](?P<n2>[0-3]?\d)[/.]{_YEAR})
    )
    (?:{_TIME})?
    (?![^\W_]|[/-])
    """,
    re.IGNORECASE | re.VERBOSE,
)

_LABEL_WORDS = _WORDS.DATELINE_LABELS
_LABEL = rf"(?P<label>{_LABEL_WORDS})(?:\s+{_WORDS.DATELINE_LABEL_LINK})?"
_PADDING = r"[\s*_>#]*"  # Markdown emphasis / quote / heading marks around a dateline
_SEP = r"(?:[|—–·•/]|\s-\s|-{2})"
_TZ = r"(?:\s*\(?(?-i:[A-Z]{2,5})(?:[+-]\d{1,2}(?::?\d\d)?)?\)?)?"  # "BST", "(ET)", "GMT+1"
_AGENCY = r"(?:\s*\([A-Za-z .]{1,30}\))?"  # "(AP)", "(Reuters)"

# What may stand before the date on its line.
_LEAD = re.compile(
    rf"""^{_PADDING}
    (?:{_LABEL_WORDS}[^|•·\n]{{1,60}}[|•·]\s*)?     # "Updated 8 April 2021 | "
    (?:
        (?P<byline>
            {_WORDS.DATELINE_BY}\s+[^|—–·•\n]{{1,80}}?              # "By Jane Doe |", "By Jane Doe, Reuters —"
          | (?-i:[A-Z][A-Z .,'’/-]{{1,40}})(?:\s*\([A-Za-z .]{{1,30}}\))?   # "WASHINGTON (AP) —"
        )\s*(?:{_SEP}|,)\s*
    )?
    (?:{_LABEL}\s*:?\s*)?
    (?:{_CLOCK}{_TZ}\s*,?\s*)?   # "Updated 2:05 PM ET, Wed April 7, 2021"
    $""",
    re.IGNORECASE | re.VERBOSE,
)
# What may follow the date on its line: a timezone, then nothing, a separator and anything, or a
# byline ("Posted on April 7, 2021 by admin").
_TAIL = re.compile(rf"^{_TZ}{_AGENCY}{_PADDING}(?:{_SEP}.*|,?\s+{_WORDS.DATELINE_BY}\s+[^.!?]{{1,60}})?$", re.IGNORECASE | re.DOTALL)


@lru_cache(maxsize=1)
def _date_parser():
    import dateparser

    settings = {
        # A fixed base: nothing here may read the wall clock.
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    return dateparser, settings


@lru_cache(maxsize=256)
def parse_date(text: str, order: str | None = None) -> date | None:
    """A full calendar date parsed from a date string we already found, or None.

    `order` ("DMY" or "MDY") settles all-numeric forms. Uses dateparser, never `search_dates`.
    """
    if not short_enough(text):  # dateparser's time grows with its input; dates are short
        return None
    dateparser, settings = _date_parser()
    if order:
        settings = {**settings, "DATE_ORDER": order}
    parsed = dateparser.parse(text, languages=list(_WORDS.DATEPARSER_LANGUAGES), settings=settings)
    return parsed.date() if parsed else None


def _numeric_order(match: re.Match) -> str | None:
    """DMY or MDY for "15/04/2021" / "04/15/2021"; None when the two readings differ ("07/04/2021")."""
    n1, n2 = int(match.group("n1")), int(match.group("n2"))
    if n1 == n2 or n1 > 12 >= n2:
        return "DMY"
    if n2 > 12 >= n1:
        return "MDY"
    return None


def _match_date(match: re.Match) -> date | None:
    core = match.group("date")
    if match.group("num"):
        order = _numeric_order(match)
        return parse_date(core, order) if order else None
    if match.group("ymd"):
        return parse_date(core, "YMD")
    return parse_date(core)


def find_dateline(text: str) -> Dateline | None:
    """The publication date an article states near its top, and the span of that date text.

    Looks at the lines starting in the first ~600 characters for a date that stands alone
    ("7 Apr, 2021", "Wednesday 7 April 2021", "2021-04-07", "7 Apr, 2021 14:05"), follows a label
    ("Published: ...", "Posted on ...", "Updated ...") or a byline ("By X | April 7, 2021",
    "WASHINGTON (AP) — April 7, 2021 —"). A date inside a body sentence ("On April 7, 2021, the US
    ...") is not a dateline. Ambiguous numeric forms ("07/04/2021") are not accepted.
    A "Published" date wins over an "Updated" one.
    """
    best: tuple[int, date, Span] | None = None
    pos = 0
    count = 0
    for line in text.splitlines(keepends=True):
        if pos >= DATELINE_CHARS or count >= DATELINE_LINES:
            break
        count += bool(line.strip())  # blank lines don't count
        # A dateline's date starts within ~200 characters of its line; don't scan a huge one-line file.
        head = line[:400]
        for match in _DATE.finditer(head):
            lead = _LEAD.match(head[: match.start()])
            if not lead or not _TAIL.match(head[match.end():].rstrip("\r\n")):
                continue
            found = _match_date(match)
            if found is None:
                continue
            label = (lead.group("label") or "").lower()
            rank = 1 if any(word in label for word in _WORDS.DATELINE_LATER_LABELS) else 0
            if best is None or rank < best[0]:
                best = (rank, found, Span(pos + match.start(), pos + match.end()))
            if rank == 0:
                return Dateline(found, best[2])
        pos += len(line)
    return Dateline(best[1], best[2]) if best else None


# --------------------------------------------------------------------------------------------
# Bytes -> text
# --------------------------------------------------------------------------------------------

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/EPUB)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"BZh9", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"OggS", "an audio/video file"),
    (b"ID3", "an MP3 file"),
    (b"\x00asm", "a WebAssembly module"),
)


def _refuse_binary(data: bytes) -> None:
    """Raise DocumentError when `data` is clearly not text (checked before any decoding)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DocumentError(f"not a text file: looks like {what}")
    if data[4:8] == b"ftyp" or (data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI ")):
        raise DocumentError("not a text file: looks like a media file")


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit in every other position (ASCII text in UTF-16)."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in its first 2 KB, if Python knows it."""
    match = _CHARSET.search(data[:2048])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _mostly_ascii(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return not letters or sum(not c.isascii() for c in letters) <= 0.3 * len(letters)


def decode(data: bytes, html: bool = False) -> tuple[str, tuple[str, ...]]:
    """Bytes -> (text, notes). UTF-8 (BOM or not), UTF-16 with a BOM, else a best guess.

    The guess: an HTML charset declaration; cp1252 when that reads as mostly-ASCII Western text
    (charset detection is unreliable on short English text with a few accents); else
    charset-normalizer; else Latin-1. Any guess is reported in the notes.
    Raises DocumentError for binary content.
    """
    _refuse_binary(data)
    # UTF-32's little-endian BOM starts with UTF-16's, so it is checked first.
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        try:
            return _checked(data.decode("utf-32"), "UTF-32"), ()
        except UnicodeDecodeError as err:
            raise DocumentError(f"not valid UTF-32 text: {err.reason} at byte {err.start}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), "UTF-16"), ()
        except UnicodeDecodeError as err:
            raise DocumentError(f"not valid UTF-16 text: {err.reason} at byte {err.start}") from None
    if b"\x00" in data:
        encoding = _utf16_without_bom(data[:4096])
        if encoding:
            try:
                return _checked(data.decode(encoding), encoding), (f"decoded as {encoding}",)
            except UnicodeDecodeError:
                pass
        raise DocumentError("not a text file: it contains NUL bytes")
    try:
        return _checked(data.decode("utf-8-sig"), "UTF-8"), ()
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):  # one stray byte in a UTF-8 file: keep its real accents, mark the byte
        text = data.decode("utf-8-sig", errors="replace")
        return _checked(text, "UTF-8"), (f"decoded as UTF-8 with {text.count(chr(0xFFFD))} invalid byte(s) replaced",)
    candidates: list[str] = []
    if html and (declared := _declared_charset(data)):
        candidates.append(declared)
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is not None and _mostly_ascii(cp1252):
        candidates.append("cp1252")
    for encoding in candidates:
        try:
            return _checked(data.decode(encoding), encoding), (f"decoded as {encoding}",)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return _checked(str(best), best.encoding), (f"decoded as {best.encoding} (guessed)",)
    return _checked(data.decode("latin-1"), "Latin-1"), ("decoded as latin-1 (fallback)",)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 multi-byte sequences decode fine and only a handful of bytes are invalid."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    multibyte = sum(1 for c in text if ord(c) > 0x7F) - invalid
    return multibyte > 0 and invalid <= max(3, len(data) // 10000)


def _checked(text: str, encoding: str) -> str:
    """Refuse text that decoded but is mostly control characters (a binary file in disguise)."""
    sample = text[:8192]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0x7F <= ord(c) < 0xA0)
    if sample and controls > max(2, 0.01 * len(sample)):
        raise DocumentError(f"not a text file: too many control characters (read as {encoding})")
    return text


# --------------------------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------------------------

_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".tml": "timeml", ".timeml": "timeml", ".te3input": "timeml",
}
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(rb"<(?:body|head|article|meta|title)[\s>]", re.IGNORECASE)


def file_kind(name: str, data: bytes) -> str:
    """"text", "markdown", "html" or "timeml": the extension decides; with none (or an unknown one), sniff."""
    kind = _EXTENSIONS.get(Path(name).suffix.lower()) if name else None
    if kind:
        return kind
    head = data[:2048].lstrip(codecs.BOM_UTF8)
    if head.lstrip().startswith(b"<") and b"<TimeML" in head:
        return "timeml"
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 2:
        return "html"
    if re.match(rb"\s*# \S", head):
        return "markdown"
    return "text"


def _timeml_document(xml: str, name: str | None) -> tuple[str, str | None, date | None, str | None]:
    """(TEXT without its tags, TITLE, DCT date, DOCID or `name`) of a TimeML file."""
    from timeline.timeml import read_timeml  # TimeML files are rare: its parser loads only for them

    if not xml.lstrip().startswith("<"):  # read_timeml would take other text for a file path
        raise DocumentError("not a TimeML file: it does not start with an XML tag")
    try:
        parsed = read_timeml(xml)
    except ValueError as error:
        raise DocumentError(str(error).removeprefix("<string>: ")) from None
    return parsed.text, wire_title(parsed.title), parsed.published, parsed.doc_id or name


def wire_title(title: str) -> str | None:
    """A wire story's title line as a headline a reader can use: without the service's flag, media note or
    byline; None when the line holds no headline (an editor's note, a byline alone, or the lower-case tail of a
    headline that ran over two lines: "in Iraq", "talks begin"), so that the story is shown by its name."""
    if _WORDS.WIRE_NOTE.search(title):
        return None
    title = _WORDS.WIRE_ASIDE.sub("", _WORDS.WIRE_FLAG.sub("", title)).strip()
    return title if title and (title[0].isupper() or not title[0].isalpha()) else None


_ONE_FLAG = rf"(?:\d+(?:st|nd|rd|th)\s*)?(?:{'|'.join(_WORDS.WIRE_ROUTING_FLAGS)})\b(?:[\s-]*\d+\b)?"
_FLAGS = rf"{_ONE_FLAG}(?:[\s/-]*{_ONE_FLAG})*"
# "2nd Ld-Writethru: ", "(Recast) " before the title; " (updated 3)" after it.
_ROUTING = re.compile(rf"^\s*(?:\(\s*{_FLAGS}\s*\)|{_FLAGS}\s*:)\s*|\s*\(\s*{_FLAGS}\s*\)\s*$", re.IGNORECASE)


def shown_title(title: str) -> str:
    """A story's title as a reader is shown it, without the wire's routing flags (WIRE_ROUTING_FLAGS of the
    language's words): "2nd Ld: APEC ministerial meeting concludes in Hanoi" -> "APEC ministerial meeting concludes
    in Hanoi", "Beijing unveils 2008 Olympic mascots (updated 3)" -> "Beijing unveils 2008 Olympic mascots". The
    title stored is kept whole; a title of flags alone is shown as it is."""
    shown = _ROUTING.sub("", title).strip()
    return shown or title.strip()


# A story without a title is named by its lead (lead_title): the text read for it, the longest name made of it, and the
# least a clause must hold to end the name there (a break nearer the start leaves a subject without its verb).
LEAD_TEXT_CHARS = 2000
LEAD_TITLE_CHARS = 90
LEAD_CLAUSE_LEAST = 30
_LEAD_SENTENCES = 3  # a dateline or byline line may come before the lead
_LEAD_DATE = re.compile(rf"^{_DATE.pattern}\s*(?:--|[-—–|:·])\s*", re.IGNORECASE | re.VERBOSE)  # "12 Jan 2022 - "
_LEAD_LEAST_WORDS = 4


def lead_title(text: str) -> str | None:
    """A reader's name for a story that has no title of its own (a wire story whose title line is an editor's note, a
    text file with no headline line): its lead sentence as a headline, the lead's opening clause, without the place
    and agency before it, the weekday it dates the news by, or who said it at its end. "Switzerland's central bank
    said Thursday it was raising its key interest rate for the first time since June 2004 by 0.25 percentage
    points ..." -> "Switzerland's central bank said it was raising its key interest rate for the first time"; "Ukraine
    on Saturday declared a state of emergency after an H5-type bird flu was detected ..." -> "Ukraine declared a state
    of emergency". A lead with no clause break in its first LEAD_TITLE_CHARS is cut at a word, with "…". None when the
    text's first sentences hold no lead (too short: a dateline, a byline). Reads the first LEAD_TEXT_CHARS only."""
    text = text[:LEAD_TEXT_CHARS]
    for span in split_sentences(text, _WORDS)[:_LEAD_SENTENCES]:
        lead = _WORDS.LEAD_DATELINE.sub("", _LEAD_DATE.sub("", " ".join(text[span.start:span.end].split())))
        if len(lead.split()) < _LEAD_LEAST_WORDS or _WORDS.LEAD_BYLINE.match(lead):
            continue
        lead = _WORDS.LEAD_ATTRIBUTION.sub("", lead.rstrip(".!?"))
        return _opening_clause(_WORDS.LEAD_WEEKDAY.sub("", lead))
    return None


def _opening_clause(lead: str) -> str:
    """`lead` when short enough, else up to its last clause break within LEAD_TITLE_CHARS (not inside an aside or a
    quotation left open), else cut at a word that is no article or preposition, with "…"."""
    if len(lead) <= LEAD_TITLE_CHARS:
        return lead
    breaks = [] if _WORDS.LEAD_FRONTED_CLAUSE.match(lead) else [
        found.start() for found in _WORDS.LEAD_CLAUSE_BREAK.finditer(lead) if found.start() <= LEAD_TITLE_CHARS]
    for end in reversed(breaks):
        opening = lead[:end]
        if len(opening) >= LEAD_CLAUSE_LEAST and opening.count(", ") % 2 == 0 and opening.count('"') % 2 == 0:
            return _without_weak_ending(opening.split(), "")
    return _without_weak_ending(lead[:LEAD_TITLE_CHARS + 1].rsplit(" ", 1)[0].split(), "…")  # whole words only


def _without_weak_ending(words: list[str], mark: str) -> str:
    """`words` joined, without the articles and prepositions at their end; `mark` after them ("…": cut)."""
    cut = len(words)
    while cut > 1 and _WORDS.LEAD_WEAK_ENDING.fullmatch(words[cut - 1]):
        cut -= 1
    return " ".join(words[:cut]).rstrip(",;:") + (mark if cut == len(words) else "…")


def _first_line_title(text: str, markdown: bool) -> str | None:
    """A Markdown "# Title" line, or a short first line standing alone (a plain-text headline)."""
    lines = text.lstrip().splitlines()
    if not lines:
        return None
    first = lines[0].strip()
    if markdown:
        match = re.match(r"#\s+(.+?)\s*#*$", first)
        return match.group(1) if match else None
    if len(first) <= 200 and len(lines) > 2 and not lines[1].strip():
        return first
    return None


_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _html_document(text: str) -> tuple[str, str | None, date | None, tuple[str, ...]]:
    """HTML -> (article text, title, metadata date, notes).

    Safe by construction: the markup is parsed once here by lxml's *HTML* parser with
    no_network=True. libxml2's HTML parser does not process DTD entity declarations (an
    "<!ENTITY ...>" bomb or a SYSTEM entity stays literal text), so no entity expansion and
    no external fetch can happen. trafilatura and htmldate are then given the parsed tree, never
    a string: htmldate downloads a string that looks like a URL, and neither fetches from a tree.
    """
    import htmldate
    import trafilatura

    notes: list[str] = []
    # Control characters are not allowed in an lxml tree: editing it (drop_tree) would raise.
    text = _XML_INCOMPATIBLE.sub(" ", text)
    tree, parser = _parsed_html(text)
    if tree is None:
        return "", None, None, ("HTML could not be parsed",)

    title = _html_title(tree)
    found = _third_party(
        notes, "no date read from the HTML metadata", htmldate.find_date,
        copy.deepcopy(tree), extensive_search=False, original_date=True, outputformat="%Y-%m-%d",
        # Fixed bounds: htmldate's default upper bound is today, read from the clock.
        min_date=datetime(1900, 1, 1), max_date=datetime(2199, 12, 31),
    )
    published = _iso_date(found)

    if _too_deep(parser):
        # libxml2 stops at 256 levels and drops the rest of the page: read all of its text with a
        # streaming tokenizer instead, which has no depth limit (title and date come from the head).
        notes.append("HTML nested deeper than 256 levels: read all its text with a simpler parser (no article "
                     "extraction)")
        return _paragraphs(_streamed_text(text)), title, published, tuple(notes)

    # trafilatura's time grows quadratically with the element count (100,000 elements: ~25 s);
    # news pages have a few thousand, so a huge tree gets the plain visible text instead.
    elements = sum(1 for _ in tree.iter())
    body = None if elements > MAX_HTML_ELEMENTS else _third_party(
        notes, "article extraction failed", trafilatura.extract,
        copy.deepcopy(tree), include_comments=False, include_tables=True, include_images=False,
        include_links=False, output_format="txt", with_metadata=False, deduplicate=False,
        favor_recall=True,
    )
    if not body:
        body = _visible_text(tree)
        if body and elements > MAX_HTML_ELEMENTS:
            notes.append(f"HTML has {elements:,} elements, too many for article extraction; used all its text")
        elif body:
            notes.append("no article body found in the HTML; used all its visible text")
        else:
            notes.append("no text found in the HTML")
    return _paragraphs(body or ""), title, published, tuple(notes)


def _parsed_html(text: str):
    """(the tree, its parser) of HTML text, or (None, None) when lxml cannot parse it: lxml's HTML parser with
    no network, no comments and no processing instructions (see _html_document)."""
    from lxml import etree
    from lxml.html import HTMLParser, fromstring

    parser = HTMLParser(
        no_network=True, huge_tree=False, remove_comments=True, remove_pis=True,
        collect_ids=False, default_doctype=False, encoding="utf-8",
    )
    try:
        return fromstring(text.encode("utf-8", "surrogatepass"), parser=parser), parser
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, None


# The mark a browser writes at the top of a page it saves: <!-- saved from url=(0042)https://example.com/a.html -->
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_PAGE_ADDRESS = ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content')


def page_address(data: bytes, name: str = "") -> str | None:
    """The web address a saved page gives of itself: its canonical link, its og:url, else the "saved from url" mark
    its browser wrote; an absolute http(s) address only, else None (and None for a file that is not HTML, by `name`'s
    extension or its bytes as read_document decides). A page saved in a folder is then named by its site, as a
    fetched one is, not by its file."""
    if len(data) > DEFAULT_MAX_BYTES or file_kind(name, data) != "html":
        return None
    text = _XML_INCOMPATIBLE.sub(" ", decode(data, html=True)[0])
    tree, _ = _parsed_html(text)
    found = [str(v).strip() for xpath in _PAGE_ADDRESS for v in (tree.xpath(xpath) if tree is not None else [])]
    saved = _SAVED_FROM.search(text[:4096])
    return next((url for url in [*found, saved and saved.group(1)] if url and _web_address(url)), None)


def _web_address(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _paragraphs(body: str) -> str:
    """One paragraph a line -> blank lines between paragraphs, as in a plain-text article."""
    paragraphs = (" ".join(line.split()) for line in body.splitlines())
    return "\n\n".join(p for p in paragraphs if p)


def _too_deep(parser) -> bool:
    """Did libxml2 stop nesting (and drop everything after that point)?"""
    return any("Excessive depth" in entry.message for entry in parser.error_log)


_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title"})


def _streamed_text(markup: str) -> str:
    """The visible text of any HTML, however deep: the standard library's tokenizer keeps no tree."""
    from html.parser import HTMLParser

    from lxml.html.defs import block_tags

    # lxml's list of block elements (a line break around each), without <del>/<ins>, which sit inside lines.
    blocks = (block_tags - {"del", "ins"}) | {"br"}

    pieces: list[str] = []
    hidden: list[str] = []  # open elements whose text is not shown (no nesting inside them to track)

    class _Text(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "body":  # an unclosed <head> ends here, as in a browser
                hidden.clear()
            elif tag in _HIDDEN:
                hidden.append(tag)
            elif tag in blocks:
                pieces.append("\n")

        def handle_endtag(self, tag):
            if hidden and hidden[-1] == tag:
                hidden.pop()
            elif tag in blocks:
                pieces.append("\n")

        def handle_data(self, data):
            if not hidden:
                pieces.append(data)

    reader = _Text(convert_charrefs=True)
    reader.feed(markup)
    reader.close()
    return "".join(pieces)


def _third_party(notes: list[str], failure: str, fn, *args, **kwargs):
    """fn(*args, **kwargs) from htmldate/trafilatura, or None with a note when it fails or overruns.

    Their input is already bounded (a parsed tree, trafilatura's by MAX_HTML_ELEMENTS); the time
    guard is the backstop. They are third-party code on hostile markup: any exception (htmldate
    asserts on an <svg> root) means "nothing found", not a crash.
    """
    try:
        return call_with_timeout(fn, *args, seconds=THIRD_PARTY_SECONDS, **kwargs)
    except CallTimedOut:
        notes.append(f"{failure}: it took over {THIRD_PARTY_SECONDS:g} s")
    except Exception as err:  # third-party code on hostile markup: see the docstring
        notes.append(f"{failure} ({type(err).__name__})")
    return None


def _iso_date(found) -> date | None:
    try:
        return date.fromisoformat(found) if isinstance(found, str) else None
    except ValueError:
        return None


def _html_title(tree) -> str | None:
    for xpath in ('//meta[@property="og:title"]/@content', "//h1", "//title"):
        for hit in tree.xpath(xpath):
            value = hit if isinstance(hit, str) else hit.text_content()
            value = " ".join(value.split())
            if value:
                return value
    return None


def _visible_text(tree) -> str:
    tree = copy.deepcopy(tree)
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    return tree.text_content()


def read_document(
    data: bytes,
    name: str = "",
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Bytes of a .txt, .md, .html or TimeML (.tml) article -> Document with its text, title and publication date.

    The extension of `name` decides the format (sniffed when there is none or it is unknown);
    HTML-looking text in a .txt file stays plain text. Markdown text is kept as is. A TimeML file gives
    its TEXT without the tags.
    Publication date precedence: `published` (source "user") > HTML metadata ("meta") or a TimeML DCT
    ("timeml") > a dateline in the text ("dateline"). Empty input gives a Document with empty text.
    Raises DocumentError (one-line message) for binary data or data over `max_bytes`.
    """
    if len(data) > max_bytes:
        raise DocumentError(f"file too large: {len(data):,} bytes, the limit is {max_bytes:,} bytes")
    kind = file_kind(name, data)
    text, notes = decode(data, html=kind == "html")
    text = text.removeprefix("\ufeff")
    display_name = name or None
    if not text.strip():
        source = "user" if published else None
        return Document(text="", published=published, published_source=source, name=display_name,
                        notes=notes, dateline=None)

    meta_date, meta_source = None, "meta"
    if kind == "html":
        text, title, meta_date, html_notes = _html_document(text)
        notes += html_notes
    elif kind == "timeml":
        text, title, meta_date, display_name = _timeml_document(text, display_name)
        meta_source = "timeml"
    else:
        title = _first_line_title(text, markdown=kind == "markdown")

    dateline = find_dateline(text)  # the one look: extraction reuses it (Document.dateline)
    if published is not None:
        source = "user"
    elif meta_date is not None:
        published, source = meta_date, meta_source
    elif dateline is not None:
        published, source = dateline.day, "dateline"
    else:
        source = None
    return Document(text=text, published=published, published_source=source, title=title,
                    name=display_name, notes=notes, dateline=dateline)


def load_path(
    path: Path | str, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read an article file: read_document on its bytes, named after the file.

    Missing files, directories and unreadable files raise DocumentError with a one-line reason.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit: st_size lies for pipes and /dev files.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise DocumentError(f"is a directory, not a file: {path}") from None
    except PermissionError:
        raise DocumentError(f"permission denied: {path}") from None
    except OSError as err:
        raise DocumentError(f"cannot read {path}: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise DocumentError(f"file too large: {path} is over the limit of {max_bytes:,} bytes")
    return read_document(data, name=path.name, published=published, max_bytes=max_bytes)
