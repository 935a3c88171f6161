"""The default view's years: where the events are (timeline.window)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from timeline.window import event_window, outside_window, year_mass


def _years(*years: int) -> tuple[list[date], list[date]]:
    return [date(y, 1, 1) for y in years], [date(y + 1, 1, 1) for y in years]


def test_a_stray_year_among_many_is_left_out_and_counted():
    starts, ends = _years(*([2003] * 60 + [2004] * 30 + [2002] * 8 + [1721]))
    assert event_window(starts, ends) == (2002, 2004)
    assert outside_window(starts, ends, (2002, 2004)) == 1


def test_publication_years_are_always_in_the_window():
    starts, ends = _years(*([2003] * 99 + [1950]))
    assert event_window(starts, ends, published=[2006]) == (2003, 2006)


def test_a_century_spreads_its_weight_and_does_not_stretch_the_window():
    starts, ends = _years(*([2021] * 20))
    starts.append(date(2000, 1, 1))
    ends.append(date(2100, 1, 1))
    assert abs(year_mass(starts, ends)[2050] - 0.01) < 1e-12
    assert event_window(starts, ends) == (2021, 2021)
    assert outside_window(starts, ends, (2021, 2021)) == 0  # the century touches 2021


def test_few_events_are_all_kept():
    starts, ends = _years(1990, 2003, 2021)
    assert event_window(starts, ends) == (1990, 2021)


def test_no_events_no_window():
    assert event_window([], []) is None


@given(st.lists(st.integers(1900, 2100), min_size=1, max_size=200), st.lists(st.integers(1990, 2030), max_size=3))
def test_the_window_holds_the_share_and_the_publication_years(years, published):
    starts, ends = _years(*years)
    lo, hi = event_window(starts, ends, published=published)
    assert all(lo <= p <= hi for p in published)
    inside = sum(lo <= y <= hi for y in years)
    assert inside >= 0.98 * len(years) - 1e-9
    assert outside_window(starts, ends, (lo, hi)) == len(years) - inside


@given(st.lists(st.integers(1900, 2100), min_size=1, max_size=100))
def test_mass_adds_up_to_the_number_of_events(years):
    starts, ends = _years(*years)
    assert abs(sum(year_mass(starts, ends).values()) - len(years)) < 1e-6
