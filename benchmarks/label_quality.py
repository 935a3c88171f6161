"""Chart labels (an event's `short_headline`) on real news: a judged sample and mechanical signs of broken English.

    python -m benchmarks.label_quality                 # the judged samples' scores and the mechanical counts
    python -m benchmarks.label_quality --draw          # draw the last sample again (benchmarks/label-judged2.tsv)
    python -m benchmarks.label_quality --unjudged      # sampled labels not judged yet (to judge)
    python -m benchmarks.label_quality --draw-keys STORE_A STORE_B   # draw the key-event sample (label-judged3.tsv)
    python -m benchmarks.label_quality --dump FILE     # every label and headline of the diff set, to compare trees
                                                       # (and its signs; --step 1: all te3-silver)

Two samples, each drawn before any code was changed for it, the same way with its own seed: `benchmarks/label-judged.tsv`
(stop 30, seed "labels16", the one fixes were made from) and `benchmarks/label-judged2.tsv` (stop 31, seed "labels17",
held: never tuned on, its documents none of the first's), and a third of another kind (stop 37, `label-judged3.tsv`,
seed "labels27"): the labels of KEY events, those a reader sees first. Its documents: te3-silver named nowhere else in
the repository in the seed's hash order; the first 40 give their most important event (timeline.importance as the
article page scores it: the chart labels it first), the next 300 and the 300 after are two collections
(`python -m timeline build FOLDER --out STORE`, each FOLDER holding those documents' .tml files), of whose key events
(app.story.spread_keys over all years, happenings folded) 20 each by hash; dev/held by a hash of the document, fixed
before judging. Its verdict: y when the label reads as English AND says what happened; its scores per split and
stratum (article, collection) only. `label-judged3-picks.tsv`: the key events the same documents give after the
stop's change of the key-event choice (`--draw-picks` with stores built by that code), verdicts kept by label text,
new picks judged after the change (held ones once the code was final); `label-judged3-shown.tsv`: what the collection
chart drew for the blind sample's collection keys before (the headline cut at 42 characters: the store kept no label),
judged the same way. The first two samples: te3-silver
documents named nowhere in `tests/` or `benchmarks/` (`benchmarks/cache/` left out), ordered by a SHA-256 of
seed + ":" + doc id, one event a document (the dated expression with the smallest hash of doc + start) whose
label differs from its headline (a label equal to the headline is the headline's business), until SAMPLE_SIZE.
Each row: the event (doc, start, end), the full headline, the label, the verdict y/n ("does the label read as an
English clause or phrase that says what happened?") and a note. A changed label is unjudged until a row with its
text is added.

The mechanical signs are counted over every 4th te3-silver document (sorted by name; `--step 1`: all), on labels that differ from
their headline: a label ending in a preposition, determiner, conjunction or auxiliary, not a verb's particle
("sworn in"), (`ends_function`), one whose
parse (the shipped model) has no subject and is no noun phrase (`no_subject`), one the parse splits into pieces
(`pieces`: a word the parse hangs on nothing as `dep`, or two words in a row as `obl:unmarked`/`compound` after a
noun, "exploded tunnel"), and one with an island (`island`: one or two kept words with cut words on both sides of
them, or after a cut at the end: "concluded [with a code of conduct] plan [on immigration]").
"""

from __future__ import annotations

import argparse
import csv
import difflib
import sys
from collections import Counter
from pathlib import Path

from benchmarks.headline_quality import DATA, _extract, _hash, _named_in_repo, _parser

JUDGED = Path(__file__).resolve().parent / "label-judged.tsv"
JUDGED2 = Path(__file__).resolve().parent / "label-judged2.tsv"
JUDGED3 = Path(__file__).resolve().parent / "label-judged3.tsv"
# The key events the same documents give after stop 37's key-event choice (format-4 stores: trigger_main, says_what),
# drawn the same way after the change; a row of label-judged3.tsv keeps its verdict, a new pick was judged after.
PICKS3 = Path(__file__).resolve().parent / "label-judged3-picks.tsv"
# What the collection chart drew of the blind sample's collection keys before stop 37 (the store kept no label: the
# headline cut to 42 characters with an ellipsis), judged the same way after the change.
SHOWN3 = Path(__file__).resolve().parent / "label-judged3-shown.tsv"
# Each sample: its name, file and seed; the last is held (fixes are made from the first only) and `--draw` draws it.
SAMPLES = (("first", JUDGED, "labels16"), ("held", JUDGED2, "labels17"))
FIELDS = ("doc", "start", "end", "headline", "label", "verdict", "note")
SAMPLE_SIZE = 100
# A verb's particle ending a label ("sworn in", "ran aground") ends no phrase: the measure's own list (benchmarks use
# only the public API; the same words as the headline builder's in timeline/lang/en/events.py)
_PARTICLES = frozenset("down up out off away back aground ashore home free over in open apart".split())
STEP = 4  # the diff set: every 4th document
_FUNCTION = set("of to in on at by with for from as than that which who whom whose and or but nor the a an this these "
                "those its their his her were was is are be been being has have had will would could should may might "
                "must into over under after before between against about inside near".split())
SIGNS = ("ends_function", "no_subject", "pieces", "island")
# The key-event sample (stop 37, label-judged3.tsv): the labels a reader sees first, not one random event a document.
KEY_SEED = "labels27"
KEY_ARTICLES = 40  # articles, each its most important event (the chart's first label)
COLLECTION_SIZE = 300  # articles a collection, the next ones in the seed's order
KEY_PER_COLLECTION = 20  # of the collection's key events (app.story.spread_keys, KEY_COUNT of them)
KEY_FIELDS = ("stratum", "split", "doc", "start", "end", "headline", "label", "verdict", "note")


def draw(path: Path, seed: str) -> list[tuple[str, int, int, str, str]]:
    """A sample (see the module's docstring) for `path`, drawn with `seed`: (doc, start, end, headline, label)."""
    excluded = _named_in_repo(own=path)
    docs = sorted((p.name.split(".tml")[0] for p in DATA.glob("*.tml")), key=lambda d: _hash(d, seed))
    out = []
    for doc in (d for d in docs if d not in excluded):
        events = [(m, e) for e in _extract(DATA / f"{doc}.tml").events for m in e.mentions
                  if e.short_headline != e.headline]
        if events:
            m, e = min(events, key=lambda me: _hash(f"{doc}:{me[0].start}", seed))
            out.append((doc, m.start, m.end, e.headline, e.short_headline))
        if len(out) == SAMPLE_SIZE:
            break
    return out


def key_sample_docs() -> list[str]:
    """te3-silver documents named nowhere in the repository (but label-judged3.tsv), in KEY_SEED's hash order: the
    first KEY_ARTICLES are the article stratum, the next two runs of COLLECTION_SIZE the collections A and B."""
    excluded = _named_in_repo(own=JUDGED3)
    docs = sorted((p.name.split(".tml")[0] for p in DATA.glob("*.tml")), key=lambda d: _hash(d, KEY_SEED))
    return [d for d in docs if d not in excluded][:KEY_ARTICLES + 2 * COLLECTION_SIZE]


def _split(doc: str) -> str:
    """dev or held, fixed by the document before any label was judged."""
    return "dev" if int(_hash(doc, KEY_SEED + ":split")[0], 16) % 2 == 0 else "held"


def top_event(doc: str):
    """The event of `doc` the article page labels first: the highest importance (timeline.importance, as the page
    scores it, app.story.with_importance: trigger_main, mentions, the publication date), ties by KEY_SEED's hash of
    its expression's start."""
    import pandas as pd

    from app.story import with_importance

    timeline = _extract(DATA / f"{doc}.tml")
    if not timeline.events:
        return None
    frame = timeline.to_frame().assign(trigger_main=[e.main_clause for e in timeline.events])
    published = pd.Series([pd.Timestamp(timeline.document.published)] * len(frame), index=frame.index)
    scores = with_importance(frame, published)["importance"].round(9).tolist()
    best = max(range(len(scores)), key=lambda i: (scores[i], _hash(f"{doc}:{timeline.events[i].mentions[0].start}",
                                                                    KEY_SEED)))
    return timeline.events[best]


def collection_keys(store: Path) -> list[tuple[str, int, int]]:
    """The key events of a collection store as the collection page picks them over all its years (events_view
    with happenings folded, story.with_importance, spread_keys of KEY_COUNT): (doc, start, end) of each."""
    from app.collection_view import events_view
    from app.story import KEY_COUNT, spread_keys, with_importance
    from timeline.collection import open_store, query_events

    events = query_events(open_store(str(store)), limit=None, happenings=True)
    view = with_importance(events_view(events, group=True))
    keys = spread_keys(view, KEY_COUNT)
    rows = view[view["event_id"].isin(keys)]
    return [(d, int(s), int(e)) for d, s, e in zip(rows["doc_id"], rows["expression_start"], rows["expression_end"],
                                                   strict=True)]


def draw_keys(stores: list[Path]) -> list[tuple]:
    """The key-event sample (KEY_FIELDS without the verdict): the article stratum, then each store's keys (the
    stores built from the next COLLECTION_SIZE documents each: see the module's docstring)."""
    docs = key_sample_docs()
    rows = []
    for doc in docs[:KEY_ARTICLES]:
        event = top_event(doc)
        if event is not None:
            m = event.mentions[0]
            rows.append(("article", _split(doc), doc, m.start, m.end, event.headline, event.short_headline))
    cache: dict = {}
    for name, store in zip("AB", stores, strict=False):
        keys = sorted(collection_keys(store), key=lambda k: _hash(f"{k[0]}:{k[1]}", KEY_SEED))[:KEY_PER_COLLECTION]
        for doc, start, end in sorted(keys):
            headline, label = label_of(doc, start, end, cache)
            rows.append((f"collection-{name}", _split(doc), doc, start, end, headline, label))
    return rows


def read_judged(path: Path = JUDGED) -> tuple[list[tuple[str, int, int]], dict[tuple[str, int, str], tuple[str, str]]]:
    """The sampled events of `path` (in file order) and verdicts keyed by (doc, start, label)."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    sample = list(dict.fromkeys((r["doc"], int(r["start"]), int(r["end"])) for r in rows))
    return sample, {(r["doc"], int(r["start"]), r["label"]): (r["verdict"], r["note"]) for r in rows if r["verdict"]}


def key_scores(path: Path = JUDGED3, cache: dict | None = None) -> list[str]:
    """The key-event sample's lines: y of judged per split (dev, held) and stratum (article, collection), a label the
    code now gives that no row judged counted as unjudged. Prints no label (the held half's are not to be read)."""
    cache = {} if cache is None else cache
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    verdicts = {(r["doc"], int(r["start"]), r["label"]): r["verdict"] for r in rows if r["verdict"]}
    found: Counter = Counter()
    for r in {(r["doc"], int(r["start"])): r for r in rows}.values():
        label = label_of(r["doc"], int(r["start"]), int(r["end"]), cache)[1]
        verdict = verdicts.get((r["doc"], int(r["start"]), label), "?")
        for stratum in ("all", r["stratum"].split("-")[0]):
            found[r["split"], stratum, verdict] += 1
    return [f"key-event sample ({path.name}, {split} {stratum}): {found[split, stratum, 'y']}/"
            f"{found[split, stratum, 'y'] + found[split, stratum, 'n']} read as English and say what happened "
            f"({found[split, stratum, '?']} unjudged)"
            for split in ("dev", "held") for stratum in ("all", "article", "collection")]


def label_of(doc: str, start: int, end: int, cache: dict) -> tuple[str, str]:
    """The (headline, label) of the event holding the expression at start-end."""
    if doc not in cache:
        cache[doc] = _extract(DATA / f"{doc}.tml")
    event = next((e for e in cache[doc].events for m in e.mentions if m.start < end and start < m.end), None)
    return (event.headline, event.short_headline) if event else ("", "")


def signs(headline: str, label: str) -> tuple[str, ...]:
    """The mechanical signs (SIGNS) a label shows."""
    doc = _parser()(label)
    words = [t for t in doc if t.is_alpha]
    out = []
    particle = len(words) > 1 and words[-1].lower_ in _PARTICLES and words[-2].tag_.startswith("VB")  # "sworn in"
    if words and words[-1].lower_ in _FUNCTION and not particle:
        out.append("ends_function")
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subjects = [t for t in doc if t.dep_.split(":")[0] in ("nsubj", "expl", "csubj")]
    if root is None or not (subjects or root.tag_.startswith(("NN", "PRP", "CD"))):
        out.append("no_subject")
    if any(t.dep_ == "dep" or (t.dep_ == "obl:unmarked" and t.i == t.head.i + 1 and t.head.tag_.startswith("VB"))
           for t in doc):
        out.append("pieces")
    if _islands(headline.split(), label.split()):
        out.append("island")
    return tuple(out)


def _islands(full: list[str], short: list[str]) -> int:
    """Kept runs of one or two words with words cut on both sides, or at the end after a cut ("... concluded [with
    a watered-down code of conduct] plan [on immigration]", "exploded [inside a highway] tunnel")."""
    blocks = [b for b in difflib.SequenceMatcher(a=full, b=short, autojunk=False).get_matching_blocks() if b.size]
    count = 0
    for previous, block in zip(blocks, blocks[1:], strict=False):
        cut_before = block.a > previous.a + previous.size
        cut_after = block.a + block.size < len(full)
        if cut_before and cut_after and block.size <= 2:
            count += 1
        elif cut_before and block.b + block.size == len(short) and block.size <= 2 and cut_after is False:
            count += 1
    return count


def dump(path: Path, step: int = STEP) -> list[tuple[str, str]]:
    """Every event of every `step`-th document to `path` (doc, start, headline, label); the (headline, label) pairs."""
    pairs = []
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        for p in sorted(DATA.glob("*.tml"))[::step]:
            for e in _extract(p).events:
                writer.writerow((p.name.split(".tml")[0], e.mentions[0].start, e.headline, e.short_headline))
                pairs.append((e.headline, e.short_headline))
    return pairs


def counts(step: int = STEP, pairs: list[tuple[str, str]] | None = None) -> str:
    """The mechanical signs over the labels of every `step`-th document (or of `pairs`) that differ from their
    headline."""
    if pairs is None:
        pairs = [(e.headline, e.short_headline) for p in sorted(DATA.glob("*.tml"))[::step] for e in _extract(p).events]
    labels = [pair for pair in pairs if pair[1] != pair[0]]
    shown = [signs(*pair) for pair in labels]
    found = Counter(s for each in shown for s in each)
    any_sign = sum(bool(each) for each in shown)
    return f"{len(labels)} shortened labels; " + ", ".join(f"{s} {found[s]}" for s in SIGNS) + f"; any {any_sign}"


def _signs_title(step: int) -> str:
    return f"mechanical signs (every {step}th document):" if step > 1 else "mechanical signs (all documents):"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", action="store_true")
    parser.add_argument("--unjudged", action="store_true")
    parser.add_argument("--draw-keys", type=Path, nargs=2, metavar="STORE",
                        help="draw the key-event sample (label-judged3.tsv) with the two collection stores")
    parser.add_argument("--draw-picks", type=Path, nargs=2, metavar="STORE",
                        help="draw the key events again into label-judged3-picks.tsv (verdicts of label-judged3.tsv "
                             "kept), with two stores built by this code")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--no-counts", action="store_true")
    parser.add_argument("--step", type=int, default=STEP, help="every STEP-th document for the counts and the dump "
                        "(1: all te3-silver)")
    args = parser.parse_args(argv)
    if args.draw:
        _, path, seed = SAMPLES[-1]
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow(FIELDS)
            writer.writerows((*row, "", "") for row in draw(path, seed))
        return 0
    if args.draw_keys or args.draw_picks:
        judged = {} if args.draw_keys else {(r["doc"], r["start"], r["label"]): (r["verdict"], r["note"]) for r in
                                            csv.DictReader(JUDGED3.open(encoding="utf-8"), delimiter="\t")}
        with (JUDGED3 if args.draw_keys else PICKS3).open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow(KEY_FIELDS)
            writer.writerows((*row, *judged.get((row[2], str(row[3]), row[6]), ("", "")))
                             for row in draw_keys(args.draw_keys or args.draw_picks))
        return 0
    if args.dump:  # the dump and its signs from one extraction
        print(_signs_title(args.step), counts(pairs=dump(args.dump, args.step)))
        return 0
    cache: dict = {}
    for name, path, _ in SAMPLES:
        sample, verdicts = read_judged(path)
        labels = [(doc, start, label_of(doc, start, end, cache)) for doc, start, end in sample]
        if args.unjudged:
            for doc, start, (headline, label) in labels:
                if (doc, start, label) not in verdicts:
                    print(f"{path.name}\t{doc}\t{start}\t{headline}\t{label}")
        judged = [verdicts[k][0] for doc, start, (_, label) in labels if (k := (doc, start, label)) in verdicts]
        print(f"judged sample ({name}, {path.name}): {judged.count('y')}/{len(judged)} read as English "
              f"({len(labels) - len(judged)} unjudged)")
    print("\n".join(key_scores(cache=cache)))
    if PICKS3.exists():
        print("\n".join(key_scores(PICKS3, cache=cache)))
    if SHOWN3.exists():
        with SHOWN3.open(encoding="utf-8") as f:
            shown = Counter((r["split"], r["verdict"]) for r in csv.DictReader(f, delimiter="\t"))
        print("\n".join(f"collection chart before format 4 ({SHOWN3.name}, {split}): {shown[split, 'y']}/"
                        f"{shown[split, 'y'] + shown[split, 'n']} say what happened" for split in ("dev", "held")))
    if not args.no_counts:
        print(_signs_title(args.step), counts(args.step))
    return 0


if __name__ == "__main__":
    sys.exit(main())
