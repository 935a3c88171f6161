"""The TIMEX3 `mod` attribute (TimeML 1.2.1, TIDES 2005 MOD): a hedge or a part word gives it, checked on whole sentences.

Parts of a period: "early" START, "mid" MID, "late" / "the end of" END (TBAQ dev: "early November" START, "the end of
November" END, "mid-1996" MID). Hedges: "more than" MORE_THAN, "at least" EQUAL_OR_MORE, "no more than" / "up to"
EQUAL_OR_LESS, "nearly" / "almost" / "less than" LESS_THAN, "about" / "around" APPROX (inside the span, or just before a
duration: TBAQ keeps "about" out of a duration's span but marks it APPROX; before a date it is a preposition), "or so" APPROX, "1994 or later" ON_OR_AFTER. No hedge,
no mod. The scorers do not read mod; the TimeML export writes it (`timeline.timeml.write_timeml`).
"""

from __future__ import annotations

from datetime import date

import pytest

import timeline

CASES = [
    # (sentence, expression, mod)
    ("Exports picked up in early August.", "early August", "START"),
    ("The council will vote in mid-May.", "mid-May", "MID"),
    ("Rents rose sharply in late 2011.", "late 2011", "END"),
    ("The deal should close by the end of the year.", "the end of the year", "END"),
    ("He has lived there for more than 20 years.", "more than 20 years", "MORE_THAN"),
    ("The treatment takes at least six weeks.", "at least six weeks", "EQUAL_OR_MORE"),
    ("Detainees may be held for no more than 60 days.", "no more than 60 days", "EQUAL_OR_LESS"),
    ("Up to three days of rain are expected.", "Up to three days", "EQUAL_OR_LESS"),
    ("The boy has been in care for nearly five months.", "nearly five months", "LESS_THAN"),
    ("The siege lasted almost two years.", "almost two years", "LESS_THAN"),
    ("The talks lasted about three hours.", "three hours", "APPROX"),
    ("The firm was founded about two years ago.", "about two years ago", "APPROX"),
    ("The fire broke out at around 3 a.m.", "around 3 a.m.", "APPROX"),
    ("The talks will last a week or so.", "a week or so", "APPROX"),
    ("The plant will run until 2020 or later.", "2020 or later", "ON_OR_AFTER"),
    ("The talks lasted three hours.", "three hours", None),
    ("Sales were flat in some years.", "some years", None),
    ("The board met on Monday.", "Monday", None),
    ("She wrote a book about the 1960s.", "the 1960s", None),  # "about" the preposition: no hedge before a date
]


@pytest.mark.parametrize(("sentence", "expression", "mod"), CASES, ids=[c[1] for c in CASES])
def test_mod(sentence: str, expression: str, mod: str | None) -> None:
    timexes = timeline.extract(sentence, published=date(2013, 10, 4)).timexes
    found = [t for t in timexes if t.text == expression]
    assert found, f"{expression!r} not tagged in {sentence!r}: {[(t.text, t.value) for t in timexes]}"
    assert found[0].mod == mod
