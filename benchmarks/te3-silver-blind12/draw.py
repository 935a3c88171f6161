"""te3-silver-blind12's draw (silver12): seed 12121, two articles per agency x length cell, of two different years.

    PYTHONPATH=. python benchmarks/te3-silver-blind12/draw.py   (from the repo root; prints the twelve doc ids)

How the walk goes: `benchmarks/silver_draw.py` (with `two_years`: the second kept in a cell only if its year differs
from the first's). The first kept in a cell is dev.
"""

from benchmarks.silver_draw import draw_cells, print_cells

if __name__ == "__main__":
    print_cells(draw_cells(12121, "te3-silver-blind12", two_years=True))
