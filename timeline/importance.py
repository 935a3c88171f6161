"""How much an event matters to a reader skimming a timeline: a score to pick key events and labels.

    importance("day", main_clause=True, mentions=3, articles=1, days_away=2)   -> 9.46
    importance("century", main_clause=False, mentions=1, articles=1, days_away=36500) -> 1.65

Five signals, each one never lowering the score as it grows stronger:
- precision: a day says more than a month, a month more than a year, a year more than a century;
- the main clause: an event whose trigger heads the sentence's main clause is what the sentence reports,
  not a side remark ("..., which began in 2003");
- repetition: the more mentions in the article and the more articles report it, the more it matters
  (logarithmic: the tenth report adds less than the second);
- nearness to the article's own days: news reports what just happened; dates far from publication are
  mostly background;
- what its label says: a label that is only who spoke and the verb of saying, thinking or showing ("The Straits
  Times reported", "Insee data showed": what they reported no label could hold) tells a reader scanning the chart
  nothing of what happened; it weighs as a side remark does (`says_what`).
Pure: numbers and words in, a number out (no Streamlit, no clock).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import numpy as np

from timeline.lang.en.events import CONTENT_VERBS, PASSIVE_AUXILIARIES

__all__ = ["PRECISION", "frame_importance", "importance", "key_event_ids", "says_what", "spread_top"]

#: How much a date at each granularity pins an event down (0 to 1).
PRECISION = {
    "time": 1.0, "day": 1.0, "week": 0.8, "month": 0.6, "season": 0.5, "quarter": 0.5, "year": 0.35,
    "decade": 0.15, "century": 0.05,
}
_W_PRECISION, _W_MAIN, _W_MENTIONS, _W_ARTICLES, _W_NEAR, _W_SAYS = 3.0, 1.5, 1.0, 1.5, 2.0, 1.5
_NEAR_DAYS = 30.0  # a date this many days from publication keeps half the nearness weight
_UNKNOWN_NEARNESS = 0.25  # no publication date: a little, the same for every event


def importance(granularity: str, *, main_clause: bool = False, mentions: int = 1, articles: int = 1,
               days_away: float | None = None, says_what: bool = True) -> float:
    """The event's score (higher matters more). `days_away`: days between the event's interval and the
    article's publication day (0 when it holds that day; None when the publication date is unknown); `says_what`:
    its label says what happened (see `says_what`)."""
    precision = PRECISION.get(granularity, 0.0)
    near = _UNKNOWN_NEARNESS if days_away is None else 1 / (1 + abs(days_away) / _NEAR_DAYS)
    return (_W_PRECISION * precision + _W_MAIN * bool(main_clause)
            + _W_MENTIONS * math.log2(max(mentions, 1)) + _W_ARTICLES * math.log2(max(articles, 1))
            + _W_NEAR * near + _W_SAYS * bool(says_what))


def says_what(label: str | None) -> bool:
    """Whether a chart label says what happened: False for one ending in a verb of saying, thinking or showing, or
    in "have" (CONTENT_VERBS), not made passive by "be" ("The Straits Times reported", "Insee data showed", "X
    announced that it expected"), which says only who spoke; True for "The deal was announced"."""
    words = (label or "").rstrip(" .").lower().split()
    return not (words and words[-1] in CONTENT_VERBS and (len(words) < 2 or words[-2] not in PASSIVE_AUXILIARIES))


def days_away(start: date, end: date, published: date | None) -> float | None:
    """Days from `published` to the interval [start, end): 0 inside it, else to its nearest day."""
    if published is None:
        return None
    if published < start:
        return float((start - published).days)
    last = end.toordinal() - 1
    return float(max(published.toordinal() - last, 0))


def frame_importance(events, published=None):
    """`importance` of every row of an events DataFrame, as a float Series on its index.

    Reads granularity, start, end and, when present, trigger_main (the trigger heads the main clause),
    mentions (mentions in its article), reported_by (articles reporting it), published (the
    article's publication date; else the `published` argument: one date for every row, or None) and the label
    (short_headline, else headline: `says_what`).
    """
    import pandas as pd

    n = len(events)
    column = lambda name, default: list(events[name]) if name in events else [default] * n  # noqa: E731
    if "published" in events:
        published_days = _days(pd.to_datetime(events["published"], errors="coerce"))
    else:
        published_days = _days(pd.Series([pd.Timestamp(published) if published is not None else pd.NaT] * n,
                                          dtype="datetime64[us]"))
    # Whole days as numbers for whole columns (`days_away` of each row, without a date object per row).
    starts, lasts = _days(events["start"]), _days(events["end"]) - 1
    away = np.where(published_days < starts, starts - published_days,
                    np.maximum(published_days - lasts, 0)).astype("float64")
    away[np.isnan(published_days)] = np.nan
    says = [says_what(short if _known(short) and short else long if _known(long) else None)
            for short, long in zip(column("short_headline", None), column("headline", None), strict=True)]
    scores = [
        importance(str(g), main_clause=bool(main) if _known(main) else False,
                   mentions=int(m) if _known(m) else 1, articles=int(a) if _known(a) else 1,
                   days_away=None if d != d else d, says_what=said)
        for g, main, m, a, d, said in zip(events["granularity"], column("trigger_main", False),
                                          column("mentions", 1), column("reported_by", 1), away.tolist(), says,
                                          strict=True)
    ]
    return pd.Series(scores, index=events.index, dtype="float64")


def _days(moments) -> np.ndarray:
    """Each moment's day (as `Timestamp.date()` says it) as a day number, NaN where missing."""
    import pandas as pd

    days = pd.to_datetime(pd.Series(moments)).to_numpy().astype("datetime64[D]")
    numbers = days.astype("int64").astype("float64")
    numbers[np.isnat(days)] = np.nan
    return numbers


def _known(value) -> bool:
    """False for None, NaN and pd.NA (a column with gaps)."""
    import pandas as pd

    return not pd.isna(value)


def key_event_ids(ids: Sequence[str], scores: Sequence[float], count: int) -> set[str]:
    """The `count` ids with the highest scores (ties: the earlier in `ids`)."""
    order = sorted(range(len(ids)), key=lambda i: (-scores[i], i))
    return {ids[i] for i in order[:count]}


def spread_top(scores: Sequence[float], count: int) -> list[int]:
    """The positions of the `count` highest `scores`, given in time order: every one above the last place taken,
    and of those tied at it, ones spread evenly over their order, not the first (in a collection hundreds of
    reports tie, and the first of them by date are one week of one year). In the order given."""
    if len(scores) <= count:
        return list(range(len(scores)))
    cut = sorted(scores, reverse=True)[count - 1]
    above = [i for i, s in enumerate(scores) if s > cut]
    tied = [i for i, s in enumerate(scores) if s == cut]
    need = count - len(above)  # <= len(tied): each pick below is another position
    return sorted([*above, *(tied[(2 * k + 1) * len(tied) // (2 * need)] for k in range(need))])
