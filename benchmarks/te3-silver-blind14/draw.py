"""te3-silver-blind14's draw (silver14): seed 14141, one article per agency x genre cell, two per length band.

    PYTHONPATH=. python benchmarks/te3-silver-blind14/draw.py   (from the repo root; prints the twelve doc ids)

How the walk goes: `benchmarks/silver_draw.py` (`draw_genre_cells`, `genre`: genre by keyword counts in the text;
`genre_split`: the dev/held split, one agency dev per genre, each agency's dev part one text of each length band).
"""

from benchmarks.silver_draw import band, draw_genre_cells, genre_split

if __name__ == "__main__":
    kept = draw_genre_cells(14141, "te3-silver-blind14")
    parts = genre_split(kept)
    for (agency, genre_name), (doc_id, words) in kept.items():
        print(agency, genre_name, doc_id, words, band(words), parts[doc_id])
