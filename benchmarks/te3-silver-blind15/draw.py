"""te3-silver-blind15's draw (silver15): as blind13's and blind14's (one text per agency x genre cell), seed 15151.

    PYTHONPATH=. python benchmarks/te3-silver-blind15/draw.py   (from the repo root; prints the twelve doc ids)

`benchmarks/silver_draw.py` `print_genre_draw`: `draw_genre_cells` walks the seeded order, `genre_split` splits.
"""

from benchmarks.silver_draw import print_genre_draw

if __name__ == "__main__":
    print_genre_draw(15151, "te3-silver-blind15")
