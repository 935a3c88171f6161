"""Learn the trigger ranker's weights from TimeBank/AQUAINT's EVENT-TIMEX3 links and ship them.

    python -m training.train_triggers [--data ../shared/data/tbaq] [--silver-docs 1000]
    # -> timeline/models/triggers.json

The event detector is a yes/no averaged perceptron over every word (is it a gold EVENT?); features:
`timeline.events.trigger.event_features`. The ranker is an averaged perceptron over candidates (the
mean of five shuffling orders): for each gold date expression linked to an event of its sentence, the
highest-scoring candidate should be a linked event; when it is not, the gold candidate's features gain
and the wrong one's lose. Features: `timeline.events.trigger.features`.
The detector also learns from te3-silver (the first 1,000 AFP documents; machine-made EVENTs), each silver
example's updates weighed 0.3 of a gold one's (`training.tbaq_events.SILVER_*`); the ranker, from gold links only. Needs the parser model (`timeline/models/en_ewt/`, from `training/train_parser.py`).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

WEIGHTS = Path(__file__).resolve().parents[1] / "timeline" / "models" / "triggers.json"
Example = tuple[list[list[str]], set[int]]


def train_ranker(examples: list[Example], epochs: int = 8, seed: int = 0,
                 strengths: list[float] | None = None) -> dict[str, float]:
    """Averaged-perceptron weights that rank a gold candidate first (examples without one are skipped).

    `strengths`: as in `train_classifier`, one per example.
    """
    strengths = [1.0] * len(examples) if strengths is None else strengths
    usable = [(e, w) for e, w in zip(examples, strengths, strict=True) if e[1]]
    weights: dict[str, float] = defaultdict(float)
    totals: dict[str, float] = defaultdict(float)  # sum of each weight over all steps, for averaging
    stamps: dict[str, int] = defaultdict(int)
    step = 0
    order = list(range(len(usable)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            step += 1
            (candidates, gold), strength = usable[n]
            scores = [sum(weights.get(f, 0.0) for f in feats) for feats in candidates]
            guess = max(range(len(candidates)), key=scores.__getitem__)
            if guess in gold:
                continue
            best_gold = max(gold, key=scores.__getitem__)
            for feature, delta in ([(f, strength) for f in candidates[best_gold]]
                                   + [(f, -strength) for f in candidates[guess]]):
                totals[feature] += (step - stamps[feature]) * weights[feature]
                stamps[feature] = step
                weights[feature] += delta
    for feature in weights:
        totals[feature] += (step - stamps[feature]) * weights[feature]
    return {f: round(total / step, 4) for f, total in totals.items() if abs(total / step) >= 1e-4}


def train_ensemble(examples: list[Example], seeds: int = 5, strengths: list[float] | None = None) -> dict[str, float]:
    """The mean of `train_ranker` weights over several shuffling orders: steadier than any one of them."""
    total: dict[str, float] = defaultdict(float)
    for seed in range(seeds):
        for feature, weight in train_ranker(examples, seed=seed, strengths=strengths).items():
            total[feature] += weight / seeds
    return {f: round(w, 4) for f, w in total.items() if abs(w) >= 1e-4}


def train_classifier(examples: list[tuple[list[str], bool]], epochs: int = 6, seed: int = 0,
                     strengths: list[float] | None = None) -> dict[str, float]:
    """Averaged-perceptron weights of a yes/no decision: the features' weights sum > 0 means yes.

    `strengths` (one per example, default 1) scales each example's updates: machine-annotated (silver)
    examples teach less than gold ones.
    """
    weights: dict[str, float] = defaultdict(float)
    totals: dict[str, float] = defaultdict(float)
    stamps: dict[str, int] = defaultdict(int)
    step = 0
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            step += 1
            feats, truth = examples[n]
            if (sum(weights.get(f, 0.0) for f in feats) > 0) == truth:
                continue
            delta = (1.0 if truth else -1.0) * (1.0 if strengths is None else strengths[n])
            for feature in feats:
                totals[feature] += (step - stamps[feature]) * weights[feature]
                stamps[feature] = step
                weights[feature] += delta
    for feature in weights:
        totals[feature] += (step - stamps[feature]) * weights[feature]
    return {f: round(total / step, 4) for f, total in totals.items() if abs(total / step) >= 1e-4}


def main(argv: list[str] | None = None) -> None:
    """Train on every TBAQ document and write the weights."""
    from training.tbaq_events import DEFAULT_DATA, DEFAULT_SILVER, SILVER_DOCS, load, load_silver, train

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--silver", type=Path, default=DEFAULT_SILVER, help="te3-silver directory")
    parser.add_argument("--silver-docs", type=int, default=SILVER_DOCS, help="how many silver documents (0: none)")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    weights = train(load(args.data), load_silver(args.silver, args.silver_docs) if args.silver_docs else [])
    tables = {name: dict(sorted(table.items())) for name, table in weights.items()}
    args.out.write_text(json.dumps(tables, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.out}: {sum(map(len, tables.values()))} weights")


if __name__ == "__main__":
    main()
