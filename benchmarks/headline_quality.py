"""Headline quality on real news: te3-silver events judged by mechanical criteria and by hand (issue 12 item 2).

    python -m benchmarks.headline_quality                  # both halves: criteria, hand judgements; the blind sample
    python -m benchmarks.headline_quality --blind --show   # the blind sample's headlines (dev, held)
    python -m benchmarks.headline_quality --split dev --show  # every dev headline with its failed criteria
    python -m benchmarks.headline_quality --unjudged       # test-half headlines not judged yet (to judge)
    python -m benchmarks.headline_quality --draw           # draw the sample again (benchmarks/headline-sample.tsv)
    python -m benchmarks.headline_quality --blind-draw     # draw the newest blind set (benchmarks/headline-blind9.tsv)

The sample (`benchmarks/headline-sample.tsv`) was drawn once: te3-silver documents not named anywhere in
`tests/` or `benchmarks/` when it was drawn, ordered by a SHA-256 of "headlines:" + doc id; the hash's
first hex digit puts a document in the dev half (even) or the test half (odd); from each document, the
two dated expressions with the smallest hash of (doc, start); documents are taken in hash order until
each half holds HALF events. A sampled event is found again by its expression's offsets (the event
whose mentions hold them), so a change of headline or trigger does not change the sample.

Mechanical criteria, each a yes/no per headline (the headline is parsed with the shipped model):
  subject    it has a subject (nsubj, nsubj:pass, expl, csubj) or is a nominal phrase (a noun root)
  named      its subject is not a bare personal pronoun ("He resigned")
  trigger    the event has a trigger and the headline holds it (or a word of its first 4 letters), or the
             trigger is a verb of saying and the headline is what was said
  edges      it neither starts nor ends with a dangling function word ("Of 5.9 shook", "... by the")
  length     at most 90 characters
  no_date    the tagger finds no DATE/TIME expression in it
  no_said    no attribution left in: no reporting verb or "according to" unless the trigger is one, and not
             ending on one ("A senior official said")
The hand judgement (`benchmarks/headline-judged.tsv`: doc, start, headline, verdict y/n, note) answers "does
a reader understand what happened from the headline alone?". It is keyed by the headline's text, so a
changed headline is unjudged until someone judges it (`--unjudged` lists them); the score counts judged
headlines only and says how many are not.

The blind sample (`benchmarks/headline-blind.tsv`, stop 27) was drawn and split before any code was changed for
it, then judged by hand: te3-silver documents named nowhere in `tests/` or `benchmarks/` (the sample above
included, `benchmarks/cache/` left out: a tool's cache names every document), ordered by a SHA-256 of "blind12:" + doc id; the hash's first hex digit puts a document in the dev
half (even) or the held half (odd); two events a document (smallest hash of "blind12:" + doc + start) until
each half holds BLIND_DOCS documents. Each row: the event (doc, split, offsets), a headline, the verdict y/n
("does a reader understand what happened from the headline alone?"), the headline the judge wanted and a
note. Rules are written from the dev half only; the held half is a score. A changed headline is unjudged until
a row with its text is added (`--blind --unjudged`).

The second blind set (`benchmarks/headline-blind2.tsv`, stop 28) was drawn the same way with the seed "blind13",
from documents named nowhere in `tests/` or `benchmarks/` (the first blind set included), split and judged before
any code was changed for it. `--blind` scores each set on its own (BLIND_SETS); `--blind-draw` draws the last.
The third (`benchmarks/headline-blind3.tsv`, stop 30) likewise, with the seed "blind15", the first two sets excluded;
the fourth (`benchmarks/headline-blind4.tsv`, stop 31) with the seed "blind16", the first three excluded; the fifth
(`benchmarks/headline-blind5.tsv`, stop 32) with the seed "blind17", the first four excluded; the sixth
(`benchmarks/headline-blind6.tsv`, stop 34) with the seed "blind18", the first five excluded; the seventh
(`benchmarks/headline-blind7.tsv`, stop 35) with the seed "blind19", the first six excluded; the eighth
(`benchmarks/headline-blind8.tsv`, stop 36) with the seed "blind20", the first seven excluded; the ninth
(`benchmarks/headline-blind9.tsv`, stop 37) with the seed "blind21", the first eight excluded.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import timeline
from timeline import Document, TimexType, extract_document, read_timeml, tag

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "te3-silver"
SAMPLE = Path(__file__).resolve().parent / "headline-sample.tsv"
JUDGED = Path(__file__).resolve().parent / "headline-judged.tsv"
BLIND = Path(__file__).resolve().parent / "headline-blind.tsv"
BLIND2 = Path(__file__).resolve().parent / "headline-blind2.tsv"
BLIND3 = Path(__file__).resolve().parent / "headline-blind3.tsv"
BLIND4 = Path(__file__).resolve().parent / "headline-blind4.tsv"
BLIND5 = Path(__file__).resolve().parent / "headline-blind5.tsv"
BLIND6 = Path(__file__).resolve().parent / "headline-blind6.tsv"
BLIND7 = Path(__file__).resolve().parent / "headline-blind7.tsv"
BLIND8 = Path(__file__).resolve().parent / "headline-blind8.tsv"
BLIND9 = Path(__file__).resolve().parent / "headline-blind9.tsv"
# Each blind set: its file and the seed it was drawn with. `--blind` scores them all; `--blind-draw` draws the last.
BLIND_SETS = ((BLIND, "blind12"), (BLIND2, "blind13"), (BLIND3, "blind15"), (BLIND4, "blind16"),
              (BLIND5, "blind17"), (BLIND6, "blind18"), (BLIND7, "blind19"), (BLIND8, "blind20"),
              (BLIND9, "blind21"))
BLIND_DOCS = 10
BLIND_FIELDS = ("doc", "split", "start", "end", "headline", "verdict", "wanted", "note")
HALF = 100
PER_DOC = 2
CRITERIA = ("subject", "named", "trigger", "edges", "length", "no_date", "no_said")
_DOC_ID = re.compile(r"(?:AFP|XIN)_ENG_\d{8}\.\d{4}")
# Function words a headline must not start or end with (it was cut mid-phrase); a capitalised first word is
# compared in lower case. "The"/"A" may start a headline, never end it.
_NEVER_FIRST = set("and or but nor of to in on at by with for from as than that which who whom whose "
                   "were was is are be been being has have had will would could should may might must "
                   "'s".split())
_NEVER_LAST = _NEVER_FIRST | set("the a an this these those its their his her".split())
_SAYING = re.compile(r"\b(?:say|says|said|saying|told|tells|added|adds|according to|reported|announced|stated|"
                     r"quoted|confirmed|noted|insisted|explained)\b", re.I)
_PRONOUNS = set("he she it they we i you".split())


@dataclass(frozen=True)
class Sampled:
    doc: str
    split: str
    start: int
    end: int


@dataclass(frozen=True)
class Judged:
    """One sampled event as the current code heads it."""

    sampled: Sampled
    expression: str
    headline: str
    trigger: str | None
    sentence: str
    failed: tuple[str, ...]


def _hash(text: str, seed: str = "headlines") -> str:
    return hashlib.sha256(f"{seed}:{text}".encode()).hexdigest()


def _named_in_repo(own: Path = SAMPLE) -> set[str]:
    names: set[str] = set()
    for folder in ("tests", "benchmarks"):
        for path in (ROOT / folder).rglob("*"):
            if (path.is_file() and path.suffix in (".py", ".tsv", ".md", ".json") and path != own
                    and "cache" not in path.relative_to(ROOT).parts):  # a tool's cache names every document
                names |= set(_DOC_ID.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def _extract(path: Path):
    parsed = read_timeml(path)
    return extract_document(Document(text=parsed.text, published=parsed.published))


def draw() -> list[Sampled]:
    """Draw the sample (see the module's docstring)."""
    excluded = _named_in_repo()
    docs = sorted((p for p in DATA.glob("*.tml") if p.name.split(".tml")[0] not in excluded),
                  key=lambda p: _hash(p.name.split(".tml")[0]))
    out: list[Sampled] = []
    counts = Counter()
    for path in docs:
        doc = path.name.split(".tml")[0]
        split = "dev" if int(_hash(doc)[0], 16) % 2 == 0 else "test"
        if counts[split] >= HALF:
            if all(counts[s] >= HALF for s in ("dev", "test")):
                break
            continue
        mentions = sorted({m for e in _extract(path).events for m in e.mentions}, key=lambda m: _hash(f"{doc}:{m.start}"))
        for mention in mentions[:min(PER_DOC, HALF - counts[split])]:
            out.append(Sampled(doc, split, mention.start, mention.end))
            counts[split] += 1
    return out


def draw_blind(own: Path = BLIND, seed: str = "blind12") -> list[Sampled]:
    """Draw a blind sample (see the module's docstring): BLIND_DOCS documents a half, PER_DOC events each."""
    excluded = _named_in_repo(own=own)
    docs = sorted((p.name.split(".tml")[0] for p in DATA.glob("*.tml")), key=lambda d: _hash(d, seed))
    out: list[Sampled] = []
    counts = Counter()
    for doc in (d for d in docs if d not in excluded):
        split = "dev" if int(_hash(doc, seed)[0], 16) % 2 == 0 else "held"
        if counts[split] >= BLIND_DOCS:
            if all(counts[s] >= BLIND_DOCS for s in ("dev", "held")):
                break
            continue
        mentions = sorted({m for e in _extract(DATA / f"{doc}.tml").events for m in e.mentions},
                          key=lambda m: _hash(f"{doc}:{m.start}", seed))
        if len(mentions) < PER_DOC:
            continue
        out.extend(Sampled(doc, split, m.start, m.end) for m in mentions[:PER_DOC])
        counts[split] += 1
    return out


def read_blind(path: Path = BLIND) -> tuple[list[Sampled], dict[tuple[str, int, str], tuple[str, str]]]:
    """A blind sample (each event once, in file order) and its verdicts keyed by (doc, start, headline)."""
    rows = []
    if path.exists():
        with path.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
    sample = list(dict.fromkeys(Sampled(r["doc"], r["split"], int(r["start"]), int(r["end"])) for r in rows))
    verdicts = {(r["doc"], int(r["start"]), r["headline"]): (r["verdict"], r["note"]) for r in rows if r["verdict"]}
    return sample, verdicts


def read_sample() -> list[Sampled]:
    with SAMPLE.open(encoding="utf-8") as f:
        return [Sampled(r["doc"], r["split"], int(r["start"]), int(r["end"])) for r in csv.DictReader(f, delimiter="\t")]


def read_judged() -> dict[tuple[str, int, str], tuple[str, str]]:
    if not JUDGED.exists():
        return {}
    with JUDGED.open(encoding="utf-8") as f:
        return {(r["doc"], int(r["start"]), r["headline"]): (r["verdict"], r["note"])
                for r in csv.DictReader(f, delimiter="\t")}


@lru_cache(maxsize=1)
def _parser():
    import spacy  # the shipped model, read as a file: the benchmark judges headlines independently of the builder

    return spacy.load(Path(timeline.__file__).parent / "models" / "en_ewt", exclude=["morphologizer"])


def failed_criteria(headline: str, trigger: str | None, published) -> tuple[str, ...]:
    """The CRITERIA a headline fails."""
    failed = []
    doc = _parser()(headline) if headline else None
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc else None
    heads = [root, *(t for t in root.children if t.dep_ == "conj")] if root is not None else []
    subjects = [c for h in heads for c in h.children if c.dep_.split(":")[0] in ("nsubj", "expl", "csubj")]
    nominal = root is not None and root.tag_.startswith(("NN", "PRP", "CD")) and not subjects
    if not subjects and not nominal:
        failed.append("subject")
    if subjects and all(s.lower_ in _PRONOUNS for s in subjects):
        failed.append("named")
    words = {w.lower() for w in re.findall(r"[\w'’-]+", headline)}
    saying = {m.group(0).lower() for m in _SAYING.finditer(headline)}
    reported = trigger is not None and _SAYING.fullmatch(trigger) and not saying  # the report, not the saying
    if trigger is None or not (reported or trigger.lower() in words
                               or any(w.startswith(trigger.lower()[:4]) for w in words)):
        failed.append("trigger")
    tokens = re.findall(r"[\w'’]+", headline)
    if not tokens or tokens[0].lower() in _NEVER_FIRST or tokens[-1].lower() in _NEVER_LAST:
        failed.append("edges")
    if len(headline) > 90:
        failed.append("length")
    if any(t.type in (TimexType.DATE, TimexType.TIME) for t in tag(headline, published)):
        failed.append("no_date")
    passive = len(tokens) > 1 and tokens[-2].lower() in ("be", "been", "being", "is", "are", "was", "were")
    if saying - {(trigger or "").lower()} or (tokens and _SAYING.fullmatch(tokens[-1]) and not passive):
        failed.append("no_said")  # attribution left in, or a headline that ends "..., officials said"
    return tuple(failed)


def judge(sample: list[Sampled]) -> list[Judged]:
    """Each sampled event as the current code heads it."""
    out = []
    by_doc: dict[str, list[Sampled]] = {}
    for s in sample:
        by_doc.setdefault(s.doc, []).append(s)
    for doc, wanted in by_doc.items():
        tl = _extract(DATA / f"{doc}.tml")
        for s in wanted:
            event = next((e for e in tl.events for m in e.mentions if m.start < s.end and s.start < m.end), None)
            if event is None:
                out.append(Judged(s, "", "", None, "", ("missing",)))
                continue
            trigger = event.trigger.text if event.trigger else None
            out.append(Judged(s, tl.document.text[s.start:s.end], event.headline, trigger, event.sentence,
                              failed_criteria(event.headline, trigger, tl.document.published)))
    return out


def report(rows: list[Judged], judged: dict) -> str:
    lines = ["| split | events | " + " | ".join(CRITERIA) + " | all criteria | hand: understood (judged) |",
             "|---|--:|" + "--:|" * (len(CRITERIA) + 2)]
    for split in ("dev", "test", "held"):
        part = [r for r in rows if r.sampled.split == split]
        if not part:
            continue
        n = len(part)
        cells = [f"{sum(c not in r.failed for r in part) / n:.0%}" for c in CRITERIA]
        everything = sum(not r.failed for r in part) / n
        verdicts = [judged[k][0] for r in part if (k := (r.sampled.doc, r.sampled.start, r.headline)) in judged]
        hand = f"{verdicts.count('y') / len(verdicts):.0%} ({len(verdicts)})" if verdicts else "– (0)"
        lines.append(f"| {split} | {n} | " + " | ".join(cells) + f" | {everything:.0%} | {hand} |")
    return "\n".join(lines)


def _score(rows: list[Judged], judged: dict, show: bool, unjudged: bool) -> None:
    """Print the rows (with --show), the unjudged ones (with --unjudged), the table and the failed criteria."""
    if show:
        for r in rows:
            print(f"{r.sampled.split}\t{r.sampled.doc}\t{r.sampled.start}\t{r.expression!r}\t{r.trigger!r}\t"
                  f"{r.headline}\t{','.join(r.failed)}\n\t\t{r.sentence}")
    if unjudged:
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        for r in rows:
            if (r.sampled.doc, r.sampled.start, r.headline) not in judged:
                writer.writerow((r.sampled.doc, r.sampled.start, r.headline, "", r.sentence.replace("\n", " ")))
    print(report(rows, judged))
    print("failed criteria:", dict(Counter(c for r in rows for c in r.failed).most_common()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", action="store_true", help="draw the sample again and write it")
    parser.add_argument("--blind-draw", action="store_true", help="draw the blind sample and write it, unjudged")
    parser.add_argument("--blind", action="store_true", help="score the blind sample (dev and held halves)")
    parser.add_argument("--split", choices=("dev", "test", "held"), help="only this half")
    parser.add_argument("--show", action="store_true", help="print every headline with its failed criteria")
    parser.add_argument("--unjudged", action="store_true", help="print the headlines not judged yet (TSV)")
    args = parser.parse_args(argv)
    if args.draw:
        sample = draw()
        with SAMPLE.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow(("doc", "split", "start", "end"))
            writer.writerows((s.doc, s.split, s.start, s.end) for s in sample)
        print(f"{len(sample)} events written to {SAMPLE}")
        return 0
    if args.blind_draw:
        path, seed = BLIND_SETS[-1]
        rows = judge(draw_blind(path, seed))
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow(BLIND_FIELDS)
            writer.writerows((r.sampled.doc, r.sampled.split, r.sampled.start, r.sampled.end, r.headline, "", "", "")
                             for r in rows)
        print(f"{len(rows)} events written to {path}")
        return 0
    sets = [read_blind(path) for path, _ in BLIND_SETS] if args.blind else [(read_sample(), read_judged())]
    for number, (sample, judged) in enumerate(sets, start=1):
        if args.blind:
            print(f"blind set {number} ({BLIND_SETS[number - 1][0].name}):")
        _score(judge([s for s in sample if args.split in (None, s.split)]), judged, args.show, args.unjudged)
    if not (args.blind or args.split or args.show or args.unjudged):
        for path, _ in BLIND_SETS:
            blind, verdicts = read_blind(path)
            if blind:
                print(f"\nblind sample (benchmarks/{path.name}):\n" + report(judge(blind), verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
