"""te3-silver-blind11's draw (silver11): seed 11111, two articles per agency x length cell.

    PYTHONPATH=. python benchmarks/te3-silver-blind11/draw.py   (from the repo root; prints the twelve doc ids)

How the walk goes: `benchmarks/silver_draw.py`. The first kept in a cell is dev.
"""

from benchmarks.silver_draw import draw_cells, print_cells

if __name__ == "__main__":
    print_cells(draw_cells(11111, "te3-silver-blind11"))
