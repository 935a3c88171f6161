"""Behaviour unchanged? Snapshot every prediction on TBAQ and te3-silver, or compare with one.

    python -m benchmarks.same_predictions --write /tmp/before.jsonl     # on the old code
    python -m benchmarks.same_predictions --compare /tmp/before.jsonl   # on the new code

One JSON line per document: its id and the `to_dict()` of its extraction (publication date,
timexes, events). `--compare` prints how many documents differ (and the first few
differences) and exits 1 when any does. Documents are read with `timeline.timeml.read_timeml`
and anchored on their DCT, as the accuracy benchmarks do.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from timeline import Document, extract_document, read_timeml

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CORPORA = ("tbaq/TimeBank", "tbaq/AQUAINT", "te3-silver")


def predictions(data: Path = SHARED, limit: int | None = None) -> Iterator[tuple[str, dict]]:
    """(document id, extraction as a dict) for every TimeML file of the corpora, in a fixed order."""
    for corpus in CORPORA:
        paths = sorted((data / corpus).rglob("*.tml"))[:limit]
        for path in paths:
            doc = read_timeml(path)
            document = Document(text=doc.text, published=doc.published,
                                published_source="timeml" if doc.published else None, name=doc.doc_id)
            yield f"{corpus}/{path.name}", extract_document(document).to_dict()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, help="write a snapshot (JSON Lines)")
    mode.add_argument("--compare", type=Path, help="compare with a snapshot")
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    args = parser.parse_args(argv)
    if args.write:
        with args.write.open("w", encoding="utf-8") as out:
            count = 0
            for doc_id, result in predictions(args.data, args.limit):
                out.write(json.dumps({"id": doc_id, "result": result}, ensure_ascii=False, default=str) + "\n")
                count += 1
        print(f"wrote {count} documents to {args.write}")
        return 0
    before = {}
    with args.compare.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            before[row["id"]] = row["result"]
    differ = []
    seen = 0
    for doc_id, result in predictions(args.data, args.limit):
        seen += 1
        now = json.loads(json.dumps(result, ensure_ascii=False, default=str))
        if before.get(doc_id) != now:
            differ.append((doc_id, before.get(doc_id), now))
    missing = set(before) - {d for d, _, _ in differ} if seen < len(before) else set()
    print(f"{seen} documents compared, {len(differ)} differ")
    for doc_id, old, new in differ[:5]:
        print(f"--- {doc_id}")
        for key in ("timexes", "events"):
            old_items, new_items = (old or {}).get(key, []), new.get(key, [])
            for a, b in zip(old_items, new_items, strict=False):
                if a != b:
                    print(f"  {key}: {a}\n     -> {b}")
                    break
            if len(old_items) != len(new_items):
                print(f"  {key}: {len(old_items)} -> {len(new_items)} items")
    if missing and args.limit is None:
        print(f"{len(missing)} documents of the snapshot were not seen")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
