"""TimeML files in and out: read gold TIMEX3 tags, write ours (TempEval-3 format).

    read_timeml("wsj_0006.tml")  -> TimemlDocument(doc_id, text, published, gold=(Timex, ...))
    write_timeml(raw_xml, timexes) -> raw_xml with <TIMEX3 tid="t1" type="DATE" value="1998-01-08">..</TIMEX3>
    tag_timeml_files([Path("x.tml.TE3input")], Path("out"), extract_document) -> [Path("out/x.tml")]

`text` is the character content of the <TEXT> element with every inner tag removed and
entities unescaped; all offsets are indices into it. The files are simple, so a small
tokenizer reads them instead of an XML parser: nothing is fetched and no DOCTYPE entity is
ever expanded (only the five XML entities and numeric character references are known).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.timex3 import parse_value
from timeline.types import Document, Timeline, Timex, TimexType
from timeline.values import Value

__all__ = ["GoldEvents", "TimemlDocument", "read_gold_events", "read_timeml", "tag_timeml_files", "write_timeml"]


@dataclass(frozen=True)
class TimemlDocument:
    """A TimeML document: its id, TEXT content, creation date (DCT), gold TIMEX3s in TEXT and TITLE (one line)."""

    doc_id: str
    text: str
    published: date | None
    gold: tuple[Timex, ...]
    title: str = ""


_TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>")
_TEXT_CLOSE = re.compile(r"</TEXT\s*>")
# Markup inside TEXT: comments, CDATA, processing instructions, tags (name in group "name").
_MARKUP = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<\?.*?\?>"
    r"|<(?P<close>/)?(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>[^>]*?)(?P<empty>/)?>",
    re.DOTALL,
)
_ATTR = re.compile(r"""([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# One unit of raw character data = one character of `text`.
_UNIT = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));|.", re.DOTALL)
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_TIMEX_TAG = re.compile(r"<TIMEX3\b(?P<attrs>[^>]*?)/?>", re.DOTALL)
_DCT = re.compile(r"<DCT\b[^>]*>(?P<body>.*?)</DCT\s*>", re.DOTALL)
_DOCID = re.compile(r"<DOCID\b[^>]*>(?P<body>.*?)</DOCID\s*>", re.DOTALL)
_TITLE = re.compile(r"<TITLE\b[^>]*>(?P<body>.*?)</TITLE\s*>", re.DOTALL)  # outside TEXT, when there is one


def _unit_char(m: re.Match) -> str:
    hex_code, dec_code, name = m.group(1), m.group(2), m.group(3)
    if hex_code:
        return chr(int(hex_code, 16))
    if dec_code:
        return chr(int(dec_code))
    if name:
        return _NAMED[name]
    return m.group(0)


def _unescape(raw: str) -> str:
    return "".join(_unit_char(m) for m in _UNIT.finditer(raw))


def _escape(s: str, quote: bool = False) -> str:
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace('"', "&quot;") if quote else s


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1): _unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR.finditer(raw)}


@dataclass
class _Element:
    """An element inside TEXT as a character interval, with its raw tags (close is "" if empty)."""

    name: str
    start: int
    end: int
    open_raw: str
    close_raw: str
    attrs: dict[str, str]
    order: int


@dataclass
class _Body:
    """The TEXT element's content split into characters (with their raw form) and elements."""

    raw_start: int  # index in the source XML of the first content character
    raw_end: int
    chars: list[str]
    raws: list[str]
    elements: list[_Element]

    @property
    def text(self) -> str:
        return "".join(self.chars)


def _parse_body(xml: str, where: str) -> _Body:
    opening = _TEXT_OPEN.search(xml)
    closing = _TEXT_CLOSE.search(xml, opening.end()) if opening else None
    if not opening or not closing:
        raise ValueError(f"{where}: not a TimeML document (no <TEXT>...</TEXT> element)")
    start, end = opening.end(), closing.start()
    chars: list[str] = []
    raws: list[str] = []
    elements: list[_Element] = []
    stack: list[_Element] = []

    def add_data(raw: str) -> None:
        for m in _UNIT.finditer(raw):
            chars.append(_unit_char(m))
            raws.append(m.group(0))

    pos = start
    for m in _MARKUP.finditer(xml, start, end):
        add_data(xml[pos:m.start()])
        pos = m.end()
        if m.group("cdata") is not None:
            for ch in m.group("cdata"):  # CDATA is literal; re-escape so it can be emitted as plain data
                chars.append(ch)
                raws.append(_escape(ch))
            continue
        name = m.group("name")
        offset = len(chars)
        if name is None:  # comment or processing instruction: keep it as an empty element
            elements.append(_Element("", offset, offset, m.group(0), "", {}, len(elements)))
        elif m.group("close"):
            if not stack or stack[-1].name != name:
                raise ValueError(f"{where}: malformed TimeML (unexpected </{name}> in TEXT)")
            element = stack.pop()
            element.end = offset
            element.close_raw = m.group(0)
        else:
            element = _Element(name, offset, offset, m.group(0), "", _attrs(m.group("attrs")), len(elements))
            elements.append(element)
            if not m.group("empty"):
                stack.append(element)
    add_data(xml[pos:end])
    if stack:
        raise ValueError(f"{where}: malformed TimeML (<{stack[-1].name}> is not closed in TEXT)")
    return _Body(start, end, chars, raws, elements)


def _read_source(path_or_string: str | Path) -> tuple[str, str]:
    """(xml, where): a string starting with '<' is XML itself, anything else a file path."""
    if isinstance(path_or_string, str) and path_or_string.lstrip().startswith("<"):
        return path_or_string, "<string>"
    path = Path(path_or_string)
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as err:
        raise ValueError(f"{path}: cannot read TimeML file ({err})") from None


def _published(xml: str) -> date | None:
    """The DCT's date: the TIMEX3 inside <DCT>, else one with functionInDocument=CREATION_TIME."""
    dct = _DCT.search(xml)
    candidates = _TIMEX_TAG.finditer(dct.group("body")) if dct else _TIMEX_TAG.finditer(xml)
    for m in candidates:
        attrs = _attrs(m.group("attrs"))
        if dct or attrs.get("functionInDocument") == "CREATION_TIME":
            try:
                return date.fromisoformat(attrs.get("value", "")[:10])
            except ValueError:
                return None
    return None


def _doc_id(xml: str, where: str) -> str:
    m = _DOCID.search(xml)
    if m:
        return _unescape(re.sub(r"<[^>]*>", "", m.group("body"))).strip()
    if where == "<string>":
        return ""
    name = Path(where).name
    return name.split(".tml")[0] if ".tml" in name else Path(where).stem


def _title(xml: str) -> str:
    m = _TITLE.search(xml)
    return " ".join(_unescape(re.sub(r"<[^>]*>", "", m.group("body"))).split()) if m else ""


def _typed_value(value: str) -> Value | None:
    """The typed value of a gold TIMEX3, or None for one outside the grammar we write ("1998-W3", "199X")."""
    try:
        return parse_value(value)
    except (ValueError, OverflowError):
        return None


def _timex_type(value: str, where: str) -> TimexType:
    try:
        return TimexType(value)
    except ValueError:
        raise ValueError(f"{where}: unknown TIMEX3 type {value!r}") from None


def read_timeml(path_or_string: str | Path) -> TimemlDocument:
    """Read a TimeML document (a path, or the XML itself when the string starts with '<').

    Raises ValueError with a one-line message when the input is not TimeML.
    """
    return _read_document(*_read_source(path_or_string))


def _read_document(xml: str, where: str) -> TimemlDocument:
    body = _parse_body(xml, where)
    text = body.text
    gold = tuple(
        Timex(
            text=text[e.start:e.end],
            start=e.start,
            end=e.end,
            type=_timex_type(e.attrs.get("type", ""), where),
            value=e.attrs.get("value", ""),
            mod=e.attrs.get("mod"),
            time_value=_typed_value(e.attrs.get("value", "")),
        )
        for e in body.elements
        if e.name == "TIMEX3" and e.end > e.start  # empty TIMEX3s are non-consuming anchors
    )
    return TimemlDocument(doc_id=_doc_id(xml, where), text=text, published=_published(xml), gold=gold,
                          title=_title(xml))


@dataclass(frozen=True)
class GoldEvents:
    """A TimeML document's gold EVENT spans (by eid) and its timex-event TLINKs as (timex span, eid) pairs."""

    events: dict[str, tuple[int, int]]
    links: tuple[tuple[tuple[int, int], str], ...]


_TLINK = re.compile(r"<TLINK\b(?P<attrs>[^>]*?)/?>", re.DOTALL)
_INSTANCE = re.compile(r"<MAKEINSTANCE\b(?P<attrs>[^>]*?)/?>", re.DOTALL)


def read_gold_events(path_or_string: str | Path) -> GoldEvents:
    """The gold EVENTs of a TimeML document and the TLINKs that tie an event to a TIMEX3 in TEXT."""
    xml, where = _read_source(path_or_string)
    body = _parse_body(xml, where)
    events = {e.attrs["eid"]: (e.start, e.end) for e in body.elements if e.name == "EVENT" and "eid" in e.attrs}
    timexes = {e.attrs["tid"]: (e.start, e.end) for e in body.elements
               if e.name == "TIMEX3" and "tid" in e.attrs and e.end > e.start}
    instances = {a.get("eiid"): a.get("eventID") for a in (_attrs(m.group("attrs")) for m in _INSTANCE.finditer(xml))}
    links = []
    for m in _TLINK.finditer(xml):
        attrs = _attrs(m.group("attrs"))
        tid = attrs.get("relatedToTime") if "eventInstanceID" in attrs else attrs.get("timeID")
        eiid = attrs.get("eventInstanceID") or attrs.get("relatedToEventInstance")
        eid = instances.get(eiid)
        if tid in timexes and eid in events:
            links.append((timexes[tid], eid))
    return GoldEvents(events=events, links=tuple(links))


def _used_tids(xml: str, body: _Body) -> set[str]:
    outside = xml[:body.raw_start] + xml[body.raw_end:]
    return {_attrs(m.group("attrs")).get("tid", "") for m in _TIMEX_TAG.finditer(outside)}


def _timex_elements(timexes, text: str, taken: set[str], first_order: int) -> list[_Element]:
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    elements: list[_Element] = []
    number, last_end = 0, 0
    for timex in ordered:
        if not (0 <= timex.start < timex.end <= len(text)) or text[timex.start:timex.end] != timex.text:
            raise ValueError(f"timex {timex.text!r} at [{timex.start}, {timex.end}) does not match the TEXT")
        if timex.start < last_end:
            raise ValueError(f"timex {timex.text!r} at [{timex.start}, {timex.end}) overlaps another")
        last_end = timex.end
        number += 1
        while f"t{number}" in taken:
            number += 1
        kind = timex.type.value if isinstance(timex.type, TimexType) else str(timex.type)
        attrs = f'tid="t{number}" type="{_escape(kind, True)}" value="{_escape(timex.value, True)}"'
        if timex.mod:
            attrs += f' mod="{_escape(timex.mod, True)}"'
        elements.append(_Element("TIMEX3", timex.start, timex.end, f"<TIMEX3 {attrs}>", "</TIMEX3>", {"tid": f"t{number}"},
                                 first_order + len(elements)))
    return elements


def _crosses(a: _Element, b: _Element) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def write_timeml(source_xml: str, timexes, events=None) -> str:
    """`source_xml` with our timexes tagged as TIMEX3 inside its TEXT element.

    TIMEX3 tags already in TEXT are removed first; other tags (EVENT, SIGNAL) are kept,
    except one that would cross a new TIMEX3 (XML cannot nest them), which is dropped.
    Everything outside TEXT is unchanged, so TLINKs to removed TIMEX3s may dangle.
    New tids are t1, t2, ... in text order, skipping tids used outside TEXT (the DCT's t0).
    With `events` (our Events), their triggers become the EVENT tags instead (e1, e2, ...; the file's
    own EVENT, MAKEINSTANCE and TLINK tags are removed), and each event is tied to the TIMEX3 of every
    mention by a TLINK (IS_INCLUDED: the happening lies within the date) after TEXT.
    Raises ValueError when a timex's offsets do not match its text or two timexes overlap.
    """
    body = _parse_body(source_xml, "<string>")
    kept = [e for e in body.elements if e.name != "TIMEX3" and (events is None or e.name != "EVENT")]
    new = _timex_elements(timexes, body.text, _used_tids(source_xml, body), len(body.elements))
    links = ""
    if events is not None:
        tagged, links = _event_elements(events, new, len(body.elements) + len(new))
        new += tagged
        source_xml, body = _without_links(source_xml)
    kept = [e for e in kept if not any(_crosses(e, t) for t in new)]
    # Outer elements open first; on equal spans the existing element stays outside.
    elements = sorted(kept + new, key=lambda e: (e.start, -e.end, e.order))
    out: list[str] = []
    stack: list[_Element] = []
    index = 0
    for position in range(len(body.chars) + 1):
        while stack and stack[-1].end == position:
            out.append(stack.pop().close_raw)
        while index < len(elements) and elements[index].start == position:
            element = elements[index]
            index += 1
            out.append(element.open_raw)
            if element.end == position:  # empty element, comment
                out.append(element.close_raw)
            else:
                stack.append(element)
        if position < len(body.chars):
            out.append(body.raws[position])
    tail = source_xml[body.raw_end:]
    if links:
        close = _TEXT_CLOSE.match(tail)
        tail = tail[:close.end()] + "\n" + links + tail[close.end():]
    return source_xml[:body.raw_start] + "".join(out) + tail


_LINK_TAGS = re.compile(r"[ \t]*<(?:MAKEINSTANCE|TLINK)\b[^>]*?/>[ \t]*\n?", re.DOTALL)


def _without_links(source_xml: str) -> tuple[str, _Body]:
    """The document without its MAKEINSTANCE and TLINK tags (ours replace them), and its parsed TEXT."""
    body = _parse_body(source_xml, "<string>")
    head, tail = source_xml[:body.raw_end], _LINK_TAGS.sub("", source_xml[body.raw_end:])
    return head + tail, _parse_body(head + tail, "<string>")


def _event_elements(events, timexes: list[_Element], first_order: int) -> tuple[list[_Element], str]:
    """EVENT elements on the events' triggers, and the MAKEINSTANCE and TLINK lines tying them to timexes."""
    tids = {(t.start, t.end): t.attrs["tid"] for t in timexes}
    taken = [(t.start, t.end) for t in timexes]
    elements: list[_Element] = []
    lines: list[str] = []
    for event in events:
        trigger = event.trigger
        if trigger is None or any(trigger.start < end and start < trigger.end for start, end in taken):
            continue
        taken.append((trigger.start, trigger.end))
        number = len(elements) + 1
        elements.append(_Element("EVENT", trigger.start, trigger.end, f'<EVENT eid="e{number}" class="OCCURRENCE">',
                                 "</EVENT>", {}, first_order + len(elements)))
        lines.append(f'<MAKEINSTANCE eventID="e{number}" eiid="ei{number}" tense="NONE" aspect="NONE" '
                     f'polarity="POS" pos="UNKNOWN"/>')
        for mention in event.mentions or ():
            if (mention.start, mention.end) in tids:
                lid = sum(line.startswith("<TLINK") for line in lines) + 1
                lines.append(f'<TLINK lid="l{lid}" relType="IS_INCLUDED" eventInstanceID="ei{number}" '
                             f'relatedToTime="{tids[(mention.start, mention.end)]}"/>')
    return elements, "".join(line + "\n" for line in lines)


def _output_name(path: Path) -> str:
    return path.name.removesuffix(".TE3input")


def tag_timeml_files(inputs: list[Path], out_dir: Path,
                     extract_document: Callable[[Document], Timeline], *, events: bool = False) -> list[Path]:
    """Tag each TimeML input with `extract_document` (the pipeline's) and write it to `out_dir`.

    `x.tml.TE3input` is written as `x.tml`. The DCT is the publication date. The pipeline is passed
    in, not imported: the package imports this module, so importing the package here would be a cycle.
    With `events`, our event triggers are tagged too, with their TLINKs (see `write_timeml`).
    Raises ValueError on a file that is not TimeML or when an output would overwrite its input.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for source in map(Path, inputs):
        xml, where = _read_source(source)
        document = _read_document(xml, where)
        target = out_dir / _output_name(source)
        if target.resolve() == source.resolve():
            raise ValueError(f"{source}: output would overwrite the input; choose another --out-dir")
        timeline = extract_document(Document(
            text=document.text,
            published=document.published,
            published_source="timeml" if document.published else None,
            name=document.doc_id or source.name,
        ))
        target.write_text(write_timeml(xml, timeline.timexes, timeline.events if events else None), encoding="utf-8")
        written.append(target)
    return written
