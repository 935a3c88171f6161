"""TimeBank/AQUAINT as training data for event anchoring: parsed sentences, gold dates and their linked events.

    sentences = load(Path("../shared/data/tbaq"))            # every sentence, parsed, with its fold
    silver = load_silver(Path("../shared/data/te3-silver"))  # machine-annotated, weighed lower
    weights = train([s for s in sentences if s.fold not in (0, 3)], silver)   # {"event": ..., "link": ...}
    predict(sentence, item, weights)                          # our trigger's token index

An item is a gold DATE/TIME TIMEX3 that a gold TLINK ties to an EVENT of the same sentence (sentences by
our splitter, parses by our model). Used by `training/train_triggers.py` (the shipped weights) and by
`benchmarks/events.py` (cross-validation). Folds are those of the fixed TBAQ split
(`benchmarks/tbaq-split.tsv`): 1-5 are the development folds, 0 is the test part.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from timeline.events.parse import parse_sentences
from timeline.events.trigger import candidates_of, event_features, find_trigger, link_features
from timeline.sentences import split_sentences
from timeline.timeml import read_gold_events, read_timeml
from timeline.types import Span, TimexType
from training.train_triggers import train_classifier, train_ensemble

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tbaq"
DEFAULT_SILVER = DEFAULT_DATA.parent / "te3-silver"
SILVER_DOCS = 1000  # the first documents of te3-silver by name: 5,100 linked dates, 40,000 EVENTs


@dataclass(frozen=True)
class Item:
    """A gold date expression (sentence-relative token span) and the gold events linked to it."""

    timex: tuple[int, int]
    linked: tuple[tuple[int, int], ...]


@dataclass
class Sentence:
    """A parsed sentence of a TBAQ document with its gold dates, events and items."""

    doc_id: str
    fold: int
    doc: object  # spacy Doc
    timexes: list[tuple[int, int]]
    events: list[tuple[int, int]]
    items: list[Item] = field(default_factory=list)


TEST_FOLD = 0
SILVER_FOLD = -1  # te3-silver documents: machine-made EVENTs and links, training data only
SILVER_STRENGTH = 0.3
SILVER_LINKS = False  # the ranker learns from gold links only (silver links: not measured yet)


def load(data: Path) -> list[Sentence]:
    """Every TBAQ sentence, parsed, with its fold of the fixed split (0: test part) and its items."""
    from benchmarks.split import load_split

    split = load_split()
    paths = sorted(data.glob("*/*.tml"), key=lambda p: p.name)
    sentences: list[Sentence] = []
    for path in paths:
        assignment = split.get(path.stem)
        if assignment is None:
            raise ValueError(f"{path.name}: not in the fixed TBAQ split")
        sentences += _document_sentences(path, TEST_FOLD if assignment.part == "test" else assignment.fold)
    return sentences


def load_silver(data: Path, limit: int = SILVER_DOCS) -> list[Sentence]:
    """The first `limit` te3-silver documents (by name), parsed, as training sentences (fold SILVER_FOLD).

    Their EVENTs and TLINKs are machine-made (TempEval-3 silver): training signal to weigh below gold.
    """
    return [s for path in sorted(data.glob("*.tml"))[:limit] for s in _document_sentences(path, SILVER_FOLD)]


def _document_sentences(path: Path, fold: int) -> list[Sentence]:
    document = read_timeml(path)
    gold = read_gold_events(path)
    text = document.text
    dated = [t for t in document.gold if t.type in (TimexType.DATE, TimexType.TIME)]
    spans = split_sentences(text)
    out = []
    for span, doc in zip(spans, parse_sentences(text, spans), strict=True):
        tokens = functools.partial(_token_span, doc, -span.start)
        timexes = [tokens(t.start, t.end) for t in dated if _inside(t.start, t.end, span)]
        events = [tokens(*e) for e in gold.events.values() if _inside(*e, span)]
        sentence = Sentence(document.doc_id, fold, doc, [t for t in timexes if t], [e for e in events if e])
        for timex in dated:
            linked = {tokens(*gold.events[eid]) for (start, end), eid in gold.links
                      if (start, end) == (timex.start, timex.end) and _inside(*gold.events[eid], span)}
            if _inside(timex.start, timex.end, span) and linked - {None} and tokens(timex.start, timex.end):
                sentence.items.append(Item(tokens(timex.start, timex.end), tuple(sorted(linked - {None}))))
        out.append(sentence)
    return out


def _inside(start: int, end: int, span: Span) -> bool:
    return span.start <= start and end <= span.end


def _token_span(doc, shift: int, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start + shift, end + shift, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def event_examples(sentences: list[Sentence]) -> list[tuple[list[str], bool]]:
    """Event detector examples: every word of the sentences, its features and whether it is a gold EVENT."""
    return [(event_features(token), hits(token.i, tuple(s.events)))
            for s in sentences for token in s.doc if token.is_alpha]


def examples(sentences: list[Sentence], event_weights: dict[str, float]) -> list[tuple[list[list[str]], set[int]]]:
    """Ranker training examples: per item, each candidate's features and which candidates are gold."""
    out = []
    for sentence in sentences:
        doc = sentence.doc
        for item in sentence.items:
            timex = doc[item.timex[0]:item.timex[1]]
            others = [doc[s:e] for s, e in sentence.timexes if (s, e) != item.timex]
            candidates = candidates_of(doc, timex)
            link = link_features(doc, timex, candidates, others, event_weights)
            kept = [c for c in candidates if c.i in link]
            gold = {n for n, c in enumerate(kept) if hits(c.i, item.linked)}
            out.append(([link[c.i] for c in kept], gold))
    return out


def train(sentences: list[Sentence], silver: list[Sentence] = (), silver_strength: float = SILVER_STRENGTH,
          silver_links: bool = SILVER_LINKS) -> dict[str, dict[str, float]]:
    """Both weight tables, learned from `sentences`; the ranker sees the detector's scores on its own data.

    `silver`: machine-annotated sentences (te3-silver) whose examples count `silver_strength` times a gold
    one: the detector always learns from their EVENTs, the ranker from their links if `silver_links`.
    """
    # The ranker learns how far to trust the detector from scores on documents the detector did not see
    # (jackknife over `parts` slices of the documents), as it will be at run time.
    parts = 4
    everything = [*sentences, *silver]
    part = {doc_id: n % parts for n, doc_id in enumerate(sorted({s.doc_id for s in everything}))}
    ranked = everything if silver_links else list(sentences)
    link_examples, link_strengths = [], []
    for held in range(parts):
        detector = _detector([s for s in sentences if part[s.doc_id] != held],
                             [s for s in silver if part[s.doc_id] != held], silver_strength)
        for s in ranked:
            if part[s.doc_id] == held:
                found = examples([s], detector)
                link_examples += found
                link_strengths += [silver_strength if s.fold == SILVER_FOLD else 1.0] * len(found)
    return {"event": _detector(sentences, silver, silver_strength),
            "link": train_ensemble(link_examples, strengths=link_strengths)}


def _detector(gold: list[Sentence], silver: list[Sentence], strength: float) -> dict[str, float]:
    examples_ = event_examples(gold) + event_examples(silver)
    strengths = [1.0] * (len(examples_) - sum(1 for s in silver for t in s.doc if t.is_alpha))
    strengths += [strength] * (len(examples_) - len(strengths))
    return train_classifier(examples_, strengths=strengths)


def hits(i: int, linked: tuple[tuple[int, int], ...]) -> bool:
    """Whether token `i` lies in one of the linked events."""
    return any(start <= i < end for start, end in linked)


def predict(sentence: Sentence, item: Item, weights: dict[str, dict[str, float]]) -> int | None:
    """Our trigger's token index for an item."""
    doc = sentence.doc
    others = [doc[s:e] for s, e in sentence.timexes if (s, e) != item.timex]
    token = find_trigger(doc, doc[item.timex[0]:item.timex[1]], others, weights=weights)
    return None if token is None else token.i


def nearest_gold(sentence: Sentence, item: Item) -> int | None:
    """Baseline: the gold event (of any link) nearest to the expression, in tokens."""
    start, end = item.timex
    distance = lambda e: min(abs(e[0] - end), abs(start - e[1]))  # noqa: E731
    events = [e for e in sentence.events if e[1] <= start or e[0] >= end]
    return min(events, key=distance)[0] if events else None


def attachment(sentence: Sentence, item: Item) -> int | None:
    """Baseline: the head the expression's phrase attaches to."""
    return sentence.doc[item.timex[0]:item.timex[1]].root.head.i
