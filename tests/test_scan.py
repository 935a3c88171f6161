"""Searching only around a rule's required words finds exactly what scanning the whole text finds.

`timeline.scan.Segment.matches` must equal `pattern.finditer(text, start, end)` (on a segment holding one of the
words) for every rule: on every golden sentence, on texts made of them, in segments cut anywhere; and the reach it
works from must bound what the engine looks at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_golden import CASES

from timeline import scan
from timeline.ruleset import load_ruleset
from timeline.scan import BEHIND_MARGIN, TOKEN, Reach, Segment, WordFinder, class_runs, pattern_reach

RULESET = load_ruleset()
SENTENCES = sorted({case.sentence for case in CASES if case.language == "en"})
TBAQ = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tbaq"
SILVER = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "te3-silver"


def _whole(pattern: re.Pattern[str], required: tuple[str, ...], text: str, start: int, end: int) -> list:
    """What the tagger did before windows: the whole segment, when it holds a required word."""
    if not any(word in text[start:end].lower() for word in required):
        return []
    return [(m.span(), m.groups()) for m in pattern.finditer(text, start, end)]


def _differences(text: str, start: int = 0, end: int | None = None, first_pass: bool = True) -> list[str]:
    """The rules whose matches differ from the whole scan's, the words found as the tagger finds them (the ruleset's
    one first pass) or, without `first_pass`, each word list on its own."""
    end = len(text) if end is None else end
    segment = Segment(text, start, end, RULESET.word_finder if first_pass else None)
    return [rule.name for rule, pattern in RULESET.compiled
            if [(m.span(), m.groups()) for m in segment.matches(pattern, rule.required)]
            != _whole(pattern, rule.required, text, start, end)]


def test_every_golden_sentence_gives_the_same_matches() -> None:
    assert {s: d for s in SENTENCES if (d := _differences(s))} == {}


def test_texts_of_twenty_golden_sentences_give_the_same_matches_whole_and_cut() -> None:
    """News-length texts (about 2,000 characters), whole and in two segments cut mid-text."""
    texts = ["\n\n".join(SENTENCES[i:i + 20]) for i in range(0, len(SENTENCES), 20)]
    assert [i for i, text in enumerate(texts) if _differences(text)] == []
    cuts = [(text, len(text) // 2 + i % 7) for i, text in enumerate(texts)]
    assert [i for i, (text, cut) in enumerate(cuts) if _differences(text, 0, cut) or _differences(text, cut)] == []


@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.sampled_from(["", " ", ", ", "\n", "-"]),
       st.floats(0, 1), st.floats(0, 1))
def test_joined_sentences_cut_anywhere_give_the_same_matches(picked: list[str], glue: str, a: float, b: float) -> None:
    text = glue.join(picked)
    start, end = sorted((int(a * len(text)), int(b * len(text))))
    assert _differences(text, start, end) == []


def test_words_found_each_on_their_own_give_the_same_matches() -> None:
    """A Segment without the ruleset's first pass (any word list, any pattern) finds each list's words itself."""
    texts = ["\n\n".join(SENTENCES[i:i + 20]) for i in range(0, len(SENTENCES), 60)]
    assert [i for i, text in enumerate(texts) if _differences(text, first_pass=False)] == []
    assert [i for i, text in enumerate(texts) if _differences(text, len(text) // 3, first_pass=False)] == []


def _every_start(word: str, lower: str) -> list[int]:
    return [m.start() for m in re.finditer("(?=" + re.escape(word) + ")", lower)]


def test_the_first_pass_finds_every_start_of_every_word() -> None:
    """Overlapping words, words that begin others ("christmas", "christmas day") and words inside words ("day" in
    "holiday") are all found, at every start."""
    finder = WordFinder([("christmas day", "day"), ("christmas",), ("mas", "a"), ("s d",), ("week",)])
    lower = "christmas day, a holiday; christmas days"
    found = finder.find(lower)
    assert dict(found) == {w: _every_start(w, lower) for w in finder.words if w in lower}
    assert found["day"] == [10, 21, 36] and found["christmas"] == [0, 26] and found["s d"] == [8, 34]
    assert finder.absent(found) == {id(finder.lists[-1])}  # ("week",)


def test_the_first_pass_finds_the_rulesets_words_in_news_texts() -> None:
    texts = ["\n\n".join(SENTENCES[i:i + 20]).lower() for i in range(0, len(SENTENCES), 20)]
    finder = RULESET.word_finder
    assert [i for i, lower in enumerate(texts)
            if dict(finder.find(lower)) != {w: s for w in finder.words if (s := _every_start(w, lower))}] == []


def test_a_rule_whose_words_are_absent_is_not_searched() -> None:
    segment = Segment("It rained three days ago.", finder=RULESET.word_finder)
    searched = {rule.name for rule, pattern in RULESET.compiled if id(rule.required) not in segment.absent}
    assert "ago" in searched and "month_day" not in searched and "holiday" not in searched


@pytest.mark.parametrize("pattern", [r"\bday\b", r"(?m)^day", r"(?<=a\s)day(?=s?\b)"])
def test_a_pattern_started_before_the_end_tries_no_later_start(pattern: str) -> None:
    """The variant the windows search: the pattern's matches, at starts `ahead` characters or more before the end."""
    compiled = re.compile(pattern, re.IGNORECASE)
    text = "a day\nday days a day\nDay"
    for ahead in (3, 4, 6):
        started = scan._shape(compiled).started_before(ahead)
        for end in range(len(text) + 1):
            whole = [m for m in compiled.finditer(text, 0, end) if m.start() <= end - ahead]
            assert [m.span() for m in started.finditer(text, 0, end)] == [m.span() for m in whole]


def test_text_whose_lower_case_is_longer_is_scanned_whole() -> None:
    text = "İstanbul, March 3, 2004: the vote was held three days ago."  # "İ".lower() is two characters
    segment = Segment(text)
    assert not segment.aligned
    assert _differences(text) == []


@pytest.mark.parametrize("pattern, runs, reach", [
    (r"abc", (), Reach(3, 3, 0)),
    (r"\bfoo(?=bar)", (), Reach(3, 6, 1)),
    (r"(?<=ab)c(?!d)", (), Reach(1, 2, 2)),
    (r"(?<=(?<!x)ab)c", (), Reach(1, 1, 3)),
    (r"(?P<s>[-/])\d\d(?P=s)", (), Reach(4, 4, 0)),
    (r"a(?:bc|d)?e{1,3}", (), Reach(6, 6, 0)),
])
def test_reach_bounds_the_text_a_match_attempt_looks_at(pattern: str, runs: tuple, reach: Reach) -> None:
    compiled = re.compile(pattern)
    assert class_runs(compiled) == runs
    assert pattern_reach(compiled, runs) == reach


def test_an_unbounded_class_takes_its_run_from_the_text() -> None:
    digits = re.compile(r"\bno\.\s\d+")
    assert class_runs(digits) == (TOKEN,)
    assert pattern_reach(digits, (16,)) == Reach(4 + 16, 4 + 17, 1)  # the run, and the try on the character after
    spaces = re.compile(r"x[ \t]*\n")
    assert class_runs(spaces) == (("[\\ \\\t]", spaces.flags),)
    assert Segment("a x  \t \n").run(class_runs(spaces)[0]) == 16  # four, rounded up to the smallest bound
    letters = re.compile(r"x[a-z ]+y", re.IGNORECASE)  # a run ignoring case: "A B C ..." counts
    text = "X" + " ".join("ABCDEFGHIJKLMNOPQRSTU") + "Y"
    assert Segment(text).run(class_runs(letters)[0]) == 64 and _differences(text) == []
    assert [m.span() for m in Segment(text).matches(letters, ("x",))] == [(0, len(text))]


@pytest.mark.parametrize("pattern", [r"x*", r"(?:ab)+c", r"a.+b", r"(?:a|)"])
def test_patterns_that_cannot_be_bounded_are_scanned_whole(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert class_runs(compiled) is None
    text = "ab abc aab xx a-b"
    assert list(m.span() for m in Segment(text).matches(compiled, ("a", "x"))) == \
        [m.span() for m in compiled.finditer(text)]


def test_word_lists_made_afresh_for_each_call_are_looked_up_afresh() -> None:
    """Lists are found by id (a rule's list is one lasting object); one made for a single call gets its own answer."""
    pattern, segment = re.compile(r"\bday\b"), Segment("a day and a week")
    for word in ["day", "year"] * 3:
        assert [m.group() for m in segment.matches(pattern, tuple([word]))] == (["day"] if word == "day" else [])


def test_a_look_behind_before_the_segment_sees_its_word() -> None:
    """"1998-99" cut between "-" and "99": the word in the look-behind lies before the segment."""
    pattern = re.compile(r"(?<=\d\d-)\d\d\b")
    text = "x" * 300 + " the 1998-99 season, 2000-01"
    start = text.index("99 season")
    found = [m.group() for m in Segment(text, start).matches(pattern, ("-",))]
    assert found == [m.group() for m in pattern.finditer(text, start)] == ["99", "01"]
    assert BEHIND_MARGIN >= pattern_reach(pattern).behind


class _Counting:
    """A compiled pattern that counts its searches."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.flags, self.compiled, self.searches = pattern.pattern, pattern.flags, pattern, 0

    def search(self, *args):
        self.searches += 1
        return self.compiled.search(*args)


def test_one_search_per_match_or_window_however_many_words_a_window_holds(monkeypatch) -> None:
    """A long window of many words and many matches is searched from match to match: one search per match."""
    pattern = re.compile(r"(?:\w+\s){0,12}the\sday\b")
    text = " ".join(["it was a very long and quiet afternoon before the day"] * 400)
    counting = _Counting(pattern)
    variants: list[_Counting] = []  # the windows search the variant started before the end, near the end the pattern
    started_before = scan._Shape.started_before
    monkeypatch.setattr(scan._Shape, "started_before",
                        lambda shape, ahead: variants.append(_Counting(started_before(shape, ahead))) or variants[-1])
    found = [m.span() for m in Segment(text).matches(counting, ("day",))]
    assert found == [m.span() for m in pattern.finditer(text)] and len(found) >= 300
    assert 0 < counting.searches + sum(v.searches for v in variants) <= len(found) + 2


def _corpus_texts() -> list[str]:
    from timeline.timeml import read_timeml

    paths = sorted(TBAQ.rglob("*.tml"))[::8] + sorted(SILVER.glob("*.tml"))[::50]
    return [read_timeml(path).text for path in paths]


@pytest.mark.corpus
def test_news_texts_give_the_same_matches() -> None:
    if not (TBAQ.is_dir() and SILVER.is_dir()):
        pytest.skip("TBAQ or te3-silver is not in ../shared")
    texts = _corpus_texts()
    assert len(texts) > 50
    assert [i for i, text in enumerate(texts) if _differences(text)] == []
