"""The default view's years: where the events are (timeline.window)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from timeline.window import MIN_SHARE, SHARE, event_window, outside_window, span_window, year_mass


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


def test_a_heavy_far_year_is_not_reached_across_empty_decades():
    """The te3-silver shape: news of 1996-2008 and, fifty years before, one heavy year (1945: 3% of the events,
    more than the 2% the share lets out). The hull of the heaviest years ran 1945-2008; the view now stays on the
    news and counts 1945 outside."""
    years = [1996] * 200 + [1997] * 1600 + [2002] * 100 + [2005] * 3000 + [2006] * 3900 + [2008] * 90 + [1945] * 300
    starts, ends = _years(*years)
    assert event_window(starts, ends, published=[1997, 2005, 2006]) == (1996, 2008)
    assert outside_window(starts, ends, (1996, 2008)) == 300


def test_few_events_are_all_shown_a_few_years_apart():
    """Eight earthquake reports of November 2005 (22 events): their "1999" stays in view (98% of 22 is all)."""
    starts, ends = _years(*([2005] * 19 + [2004, 2003, 1999]))
    assert event_window(starts, ends, published=[2005]) == (1999, 2005)


def test_a_second_cluster_is_reached_however_far():
    """A fifth of the events forty years back is a story of its own, not a stray date."""
    starts, ends = _years(*([2006] * 80 + [1966] * 20))
    assert event_window(starts, ends, published=[2006]) == (1966, 2006)


def test_a_thin_tail_is_left_out_and_a_tenth_never_is():
    years = [2005] * 500 + [2006] * 450 + list(range(1950, 2005)) * 1  # 55 years of one event each: 5.5%
    starts, ends = _years(*years)
    lo, hi = event_window(starts, ends, published=[2006])
    assert (lo, hi) == (2005, 2006) and outside_window(starts, ends, (lo, hi)) == 55
    years = [2005] * 500 + [2006] * 400 + list(range(1950, 2005)) * 2  # 110 of 1,010: more than a tenth
    starts, ends = _years(*years)
    lo, hi = event_window(starts, ends, published=[2006])
    assert outside_window(starts, ends, (lo, hi)) <= (1 - MIN_SHARE) * len(years)


def test_a_decade_is_inside_once_touched_and_pulls_only_where_events_count_by_start():
    assert span_window({(2005, 2005): 95, (2000, 2009): 5}, published=[2005]) == (2005, 2005)  # "the 2000s"
    # a page filtering by the year events start (the collection) passes first years: "the 2000s" starts in 2000
    assert span_window({(2005, 2005): 95, (2000, 2000): 5}, published=[2005], least=0.98) == (2000, 2005)


@given(st.lists(st.integers(1900, 2100), min_size=1, max_size=200), st.lists(st.integers(1990, 2030), max_size=3))
def test_the_window_holds_the_share_or_leaves_out_only_a_thin_tail(years, published):
    starts, ends = _years(*years)
    lo, hi = event_window(starts, ends, published=published)
    assert all(lo <= p <= hi for p in published)
    inside = sum(lo <= y <= hi for y in years)
    assert inside >= MIN_SHARE * len(years) - 1e-9
    assert outside_window(starts, ends, (lo, hi)) == len(years) - inside
    assert {lo, hi} <= set(years) | set(published)  # the window ends on events (or a publication year)
    if inside < SHARE * len(years) - 1e-9:  # left out: every run beyond is thinner than the window
        window_rate = inside / (hi - lo + 1)
        for far in {y for y in years if not lo <= y <= hi}:
            reached = sum(far <= y < lo or hi < y <= far for y in years)
            assert reached / min(abs(far - lo), abs(far - hi)) < 0.05 * window_rate + 1e-9


@given(st.lists(st.integers(1900, 2100), min_size=1, max_size=100))
def test_mass_adds_up_to_the_number_of_events(years):
    starts, ends = _years(*years)
    assert abs(sum(year_mass(starts, ends).values()) - len(years)) < 1e-6
