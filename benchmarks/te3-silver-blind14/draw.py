"""te3-silver-blind14's draw (silver14): as blind13's (one text per agency x genre cell), seed 14141.

    PYTHONPATH=. python benchmarks/te3-silver-blind14/draw.py   (from the repo root; prints the twelve doc ids)

`benchmarks/silver_draw.py` `print_genre_draw`: `draw_genre_cells` walks the seeded order, `genre_split` splits.
"""

from benchmarks.silver_draw import print_genre_draw

if __name__ == "__main__":
    print_genre_draw(14141, "te3-silver-blind14")
