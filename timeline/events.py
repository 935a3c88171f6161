"""Events: dated timexes + sentences -> Event records with a label and the source sentence.

    build_events(text, tag(text, published), split_sentences(text))
    -> [Event(id=0, value="2021-04-04", granularity=DAY, start=2021-04-04, end=2021-04-05,
              label="On Sunday, two rockets were fired on the Balad air base near Baghdad", ...)]

Only DATE/TIME values with a place in time become events: durations, sets, PRESENT_REF and
unanchored values ("XXXX-WXX-7") stay in the timex list, and so does the dateline.
"""

from __future__ import annotations

import bisect
import re

from timeline.types import Event, Span, Timex, TimexType
from timeline.values import TimeValue

LABEL_MAX = 80
# A "sentence" longer than this (a run-on scrape, a table, no punctuation at all) is cut to a window
# around the expression: each event holds its sentence, so unbounded ones cost O(n^2) time and memory.
SENTENCE_MAX = 1000
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:()\[\]“”\"]|,\s|\s[–—-]\s)\s*")


def build_events(text: str, timexes: list[Timex], sentences: list[Span], skip: Span | None = None) -> list[Event]:
    """One event per dated DATE/TIME timex, in text order, ids 0..n-1."""
    starts = [s.start for s in sentences]
    events: list[Event] = []
    for timex in timexes:
        if timex.type not in (TimexType.DATE, TimexType.TIME):
            continue
        if skip is not None and timex.start < skip.end and skip.start < timex.end:
            continue
        value = timex.time_value
        if not isinstance(value, TimeValue) or not value.anchored:
            continue
        sentence = _bounded(text, _sentence_of(timex, sentences, starts), timex)
        label = label_span(text, sentence, timex)
        events.append(Event(
            id=len(events), value=timex.value, granularity=value.granularity, start=value.start, end=value.end,
            label=text[label.start:label.end], label_start=label.start, label_end=label.end,
            sentence=text[sentence.start:sentence.end], sentence_start=sentence.start, sentence_end=sentence.end,
            expression=timex.text, expression_start=timex.start, expression_end=timex.end,
        ))
    return events


def _sentence_of(timex: Timex, sentences: list[Span], starts: list[int]) -> Span:
    """The sentence containing the timex (widened if the timex crosses a boundary)."""
    i = bisect.bisect_right(starts, timex.start) - 1
    if i < 0:
        return Span(timex.start, timex.end)
    sentence = sentences[i]
    if sentence.end >= timex.end:
        return sentence
    j = bisect.bisect_left(starts, timex.end) - 1
    return Span(sentence.start, max(sentences[j].end, timex.end))


def _bounded(text: str, sentence: Span, timex: Timex, limit: int = SENTENCE_MAX) -> Span:
    """The sentence, or at most about `limit` characters of it around the expression, cut at spaces."""
    if sentence.end - sentence.start <= limit:
        return sentence
    half = limit // 2
    lo, hi = max(sentence.start, timex.start - half), min(sentence.end, timex.end + half)
    if lo > sentence.start and (space := text.find(" ", lo, timex.start)) != -1:
        lo = space + 1
    if hi < sentence.end and (space := text.rfind(" ", timex.end, hi)) != -1:
        hi = space
    return Span(lo, hi)


def label_span(text: str, sentence: Span, timex: Timex, limit: int = LABEL_MAX) -> Span:
    """The clause around the expression, grown by neighbouring clauses or cut at words to fit `limit`."""
    # Only cuts within reach of the expression can bound a label of `limit` characters; scanning
    # the whole sentence made a long sentence with n dates cost O(n^2).
    reach = limit + 10
    lo, hi = max(sentence.start, timex.start - reach), min(sentence.end, timex.end + reach)
    cuts = [lo]
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        if m.end() <= timex.start or m.start() >= timex.end:
            cuts += [m.start(), m.end()]
    cuts.append(hi)
    left = max(c for c in cuts if c <= timex.start)
    right = min(c for c in cuts if c >= timex.end)
    slack = 0
    if right - sentence.start <= limit + 10:  # a clause read from the sentence's start keeps its subject
        left, slack = sentence.start, 10
    # Grow a short clause to the right, then the left, while it stays within the limit.
    while right - left < 35:
        grown_right = min((c for c in cuts if c > right + 1), default=None)
        if grown_right is not None and grown_right - left <= limit:
            right = grown_right
            continue
        grown_left = max((c for c in cuts if c < left - 1), default=None)
        if grown_left is not None and right - grown_left <= limit:
            left = grown_left
            continue
        break
    if right - left > limit + slack:
        left, right = _word_window(text, left, right, timex, limit)
    return _trim(text, left, right)


def _word_window(text: str, left: int, right: int, timex: Timex, limit: int) -> tuple[int, int]:
    """A window of whole words of at most `limit` characters that holds the expression."""
    spare = max(0, limit - (timex.end - timex.start))
    lo = max(left, timex.start - spare // 3)
    hi = min(right, lo + limit)
    lo = max(left, min(lo, hi - limit))
    if lo > left:
        space = text.find(" ", lo, timex.start)
        lo = space + 1 if space != -1 else lo
    if hi < right:
        space = text.rfind(" ", timex.end, hi)
        hi = space if space != -1 else hi
    return lo, hi


def _trim(text: str, left: int, right: int) -> Span:
    while left < right and (text[left].isspace() or text[left] in ",;:-–—"):
        left += 1
    while right > left and (text[right - 1].isspace() or text[right - 1] in ",;:-–—"):
        right -= 1
    return Span(left, right)
