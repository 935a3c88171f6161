"""Events: dated timexes + sentences -> Event records: what happened (trigger, headline), when, and where said.

    build_events(text, tag(text, published), split_sentences(text))
    -> [Event(id=0, value="2021-04-04", granularity=DAY, start=2021-04-04, end=2021-04-05,
              headline="Two rockets were fired on the Balad air base near Baghdad",
              trigger=Trigger("fired", ...), ...)]

Only DATE/TIME values with a place in time become events: durations, sets, PRESENT_REF and
unanchored values ("XXXX-WXX-7") stay in the timex list, and so do the dateline, a baseline a present figure
is compared with ("is 2.1 percent, down from 2.5 percent a year earlier") and a wire digest's schedule line.
"""

from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from timeline.describe import shorten
from timeline.events.headline import HEADLINE_MAX, SHORT_MAX, headlines
from timeline.events.parse import (
    parse_sentences,
    repair_conjunct_objects,
    repair_contrast_clauses,
    repair_coordinated_verbs,
    repair_directions,
    repair_due_clause,
    repair_fused_conjuncts,
    repair_inverted_saying,
    repair_misread_names,
    repair_particles,
    repair_possessors,
    repair_reduced_relative,
    repair_said_after_date,
    repair_said_in_statement,
    repair_trailing_saying,
    repair_verbless_subject,
)
from timeline.events.speakers import earlier_subject, opening_pronoun
from timeline.events.trigger import date_core, find_trigger
from timeline.events.wording import lemma
from timeline.lang.en.events import (
    BASELINE_PREPOSITIONS,
    BASELINE_WORDS,
    CHANGE_VERBS,
    COMMON_NOUN_TAGS,
    COMPARISON_LINKS,
    COMPARISON_VERBS,
    COMPARISON_WORDS,
    DATE_ADVERBS,
    HOLIDAY_ARGUMENT_DEPS,
    INFINITIVE_TAG,
    KIND_MODIFIER_DEPS,
    LIST_OPENINGS,
    NEWS_ITEMS,
    PAST_TAGS,
    PREPOSITION_TAG,
    PRESENT_TAGS,
    QUANTITY_COMPARISONS,
    RANGE_ENDS,
    RANGE_OPENINGS,
    REPORTING_VERBS,
    SINCE,
    UNTELLING_WORDS,
)
from timeline.types import Event, Granularity, Span, Timex, TimexType, Trigger
from timeline.values import TimeValue

__all__ = ["HEADLINE_MAX", "SAME_REPORT_MIN", "SAME_REPORT_SHARE", "Happening", "HeadlineFailure", "build_events",
           "find_happenings", "heads_main_clause", "label_span", "same_report", "telling_words"]


class HeadlineFailure(RuntimeWarning):
    """A sentence's headlines could not be written (a bug in the headline rules): its events keep their words
    around the date instead, so a reader loses one headline, not the article. The test suite turns this
    warning into an error (pyproject.toml), so the bug still fails there."""

LABEL_MAX = 80
SAME_HEADLINE = 0.9  # headlines this similar (difflib ratio) name one happening
# Reports of one day that name one happening with other triggers: chosen on 88 hand-labelled te3-silver pairs
# (benchmarks/happening-pairs.tsv, `python -m benchmarks.happenings`): 2 shared telling words, 60% of the
# shorter list, one of them a trigger. The collection's SQL grouping reads these too.
SAME_REPORT_MIN = 2
SAME_REPORT_SHARE = 0.6
TELLING_LENGTH = 4  # shorter words are mostly function words
_WORD = re.compile(r"[^\W_]+")
# A "sentence" longer than this (a run-on scrape, a table, no punctuation at all) is cut to a window
# around the expression: each event holds its sentence, so unbounded ones cost O(n^2) time and memory.
SENTENCE_MAX = 1000
TENSE_REACH = 6  # heads climbed from a non-finite word to the verb that gives its clause a tense
COMPARISON_REACH = 4  # words between a word of comparison and its baseline date ("from 2.5 percent a year earlier")
# Parsing is the slow stage: a "sentence" longer than this (a run-on scrape, a list of fixtures) and the
# dated sentences of a document past this many keep a window of words instead of a parsed headline, so
# time and memory stay bounded on any input (a flood of dates, a 10 MB file).
PARSE_MAX_CHARS = 600
PARSE_MAX_SENTENCES = 400
_NOT_SPACE = re.compile(r"\S+")
_BRACKETED = re.compile(r"\([^()]*\)")  # a heading's note: "Tuesday (Kick off in GMT)"
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:()\[\]“”\"]|,\s|\s[–—-]\s)\s*")


def build_events(text: str, timexes: list[Timex], sentences: list[Span], skip: Span | None = None) -> list[Event]:
    """One event per happening a dated DATE/TIME timex anchors, in text order, ids 0..n-1.

    Mentions of one happening (same value, and the same trigger word or a near-identical headline)
    become one event listing every mention.
    """
    dated = [t for t in timexes if t.type in (TimexType.DATE, TimexType.TIME)
             and not (skip is not None and t.start < skip.end and skip.start < t.end)
             and isinstance(t.time_value, TimeValue) and t.time_value.anchored]
    happenings = find_happenings(text, dated, sentences)
    starts = [s.start for s in sentences]
    events: list[Event] = []
    by_value: dict[str, list[int]] = {}  # only events of the same value can be the same happening
    for timex in dated:
        happening = happenings[(timex.start, timex.end)]
        if happening.no_happening:  # "up 3 percent from a year earlier", "following are the news stories"
            continue
        mention = Span(timex.start, timex.end)
        same_value = by_value.setdefault(timex.value, [])
        same = next((i for i in same_value if _same_happening(events[i], timex.value, happening)), None)
        if same is not None:
            events[same] = replace(events[same], mentions=(*events[same].mentions, mention))
            continue
        same_value.append(len(events))
        value = timex.time_value
        sentence = _passage(text, timex, sentences, starts)[1]
        events.append(Event(
            id=len(events), value=timex.value, granularity=value.granularity, start=value.start, end=value.end,
            headline=happening.headline, short_headline=happening.short_headline, trigger=happening.trigger,
            sentence=text[sentence.start:sentence.end], sentence_start=sentence.start, sentence_end=sentence.end,
            expression=timex.text, expression_start=timex.start, expression_end=timex.end, mentions=(mention,),
            main_clause=happening.main_clause, mod=timex.mod,
        ))
    return events


def _same_happening(event: Event, value: str, happening: Happening) -> bool:
    """Same date, and the same trigger word (inflections aside), a near-identical headline, or (on a day or
    finer) headlines that tell the same happening in other words (`same_report`)."""
    if event.value != value:
        return False
    if event.trigger is not None and happening.trigger is not None and (
            lemma(event.trigger.text) == lemma(happening.trigger.text)):
        return True
    if SequenceMatcher(None, event.headline.lower(), happening.headline.lower()).ratio() >= SAME_HEADLINE:
        return True
    return event.granularity in (Granularity.DAY, Granularity.TIME) and same_report(
        event.headline, event.trigger and event.trigger.text, happening.headline,
        happening.trigger and happening.trigger.text)


def telling_words(headline: str, trigger: str | None) -> set[str]:
    """The words of a headline that tell its happening apart: 4+ letters, lower case, with the trigger, less
    attribution and function words (UNTELLING_WORDS)."""
    words = {w for w in _WORD.findall(headline.lower()) if len(w) >= TELLING_LENGTH}
    if trigger:
        words.add(trigger.lower())
    return words - UNTELLING_WORDS


def same_report(headline: str, trigger: str | None, other: str, other_trigger: str | None) -> bool:
    """Whether two headlines of one day name one happening in other words: they share at least
    SAME_REPORT_MIN telling words, SAME_REPORT_SHARE of the shorter list, and one of the shared words is a
    trigger ("An earthquake of magnitude 7.6 struck northern Pakistan" [earthquake] and "A powerful
    earthquake struck northern Pakistan" [struck]). The store groups reports the same way in SQL
    (timeline.collection.query.happenings_sql), from the words kept at build."""
    mine, theirs = telling_words(headline, trigger), telling_words(other, other_trigger)
    shared = mine & theirs
    naming = {t.lower() for t in (trigger, other_trigger) if t}
    return (len(shared) >= SAME_REPORT_MIN and len(shared) >= SAME_REPORT_SHARE * min(len(mine), len(theirs))
            and bool(shared & naming))


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


def _passage(text: str, timex: Timex, sentences: list[Span], starts: list[int]) -> tuple[Span, Span]:
    """The words a timex's happening is read from and the passage an event shows: its sentence (bounded) for both,
    or, for a date on a line of its own, the line it heads (`_headed_line`) and the heading with that line."""
    sentence = _sentence_of(timex, sentences, starts)
    headed = _headed_line(text, sentence, timex, sentences, starts)
    if headed is not None:
        return headed, Span(sentence.start, headed.end)
    bounded = _bounded(text, sentence, timex)
    return bounded, bounded


def _headed_line(text: str, sentence: Span, timex: Timex, sentences: list[Span], starts: list[int]) -> Span | None:
    """The line a date heads, when its own line holds nothing else ("Wednesday" over a fixture list, "-- November
    1986" over a chronology's entry; a bracketed note aside: "Tuesday (Kick off in GMT)"): the next sentence, when a
    line break parts them. None for a date inside a sentence."""
    i = bisect.bisect_left(starts, sentence.end)
    if i >= len(sentences) or "\n" not in text[sentence.end:sentences[i].start]:
        return None
    rest = text[sentence.start:timex.start] + text[timex.end:sentence.end]
    if any(c.isalpha() for c in _BRACKETED.sub("", rest)):
        return None
    following = sentences[i]
    return _bounded(text, following, Timex("", following.start, following.start, TimexType.DATE, ""))


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


@dataclass(frozen=True)
class Happening:
    """What a date expression anchors: its trigger word (None when the sentence has none), a headline, and
    a short headline (the same clause pruned to SHORT_MAX characters, for chart labels)."""

    trigger: Trigger | None
    headline: str
    short_headline: str
    main_clause: bool = False
    no_happening: bool = False  # the date is a comparison baseline or a digest's schedule: no event


def chart_label(short: str | None, headline: str) -> str:
    """The chart label: the short headline, else the headline cut at a word to SHORT_MAX, never inside one (a
    label left empty by its cuts once read "ZANU-PF to hold both presidential and elec")."""
    return short or shorten(headline, SHORT_MAX)


def find_happenings(text: str, timexes: list[Timex], sentences: list[Span]) -> dict[tuple[int, int], Happening]:
    """For each DATE/TIME timex (by its (start, end)), the happening it dates, from a parse of its sentence.

    Only sentences holding such a timex are parsed (the parser is the slow stage).
    """
    dated = [t for t in timexes if t.type in (TimexType.DATE, TimexType.TIME)]
    starts = [s.start for s in sentences]
    by_sentence: dict[Span, list[Timex]] = {}
    for timex in dated:
        by_sentence.setdefault(_passage(text, timex, sentences, starts)[0], []).append(timex)
    parsed = [span for span in by_sentence if span.end - span.start <= PARSE_MAX_CHARS][:PARSE_MAX_SENTENCES]
    out: dict[tuple[int, int], Happening] = {}
    for span, doc in zip(parsed, parse_sentences(text, parsed), strict=True):
        try:
            stands_for = _earlier_subject(text, span, doc, sentences, starts, dated)
            out.update(_sentence_happenings(text, span, doc, by_sentence[span], stands_for))
        except Exception as err:  # any rule's slip costs this sentence's headlines only
            warnings.warn(f"headline rules failed on {text[span.start:span.end][:80]!r}: {err!r}",
                          HeadlineFailure, stacklevel=2)
    for span, timexes_here in by_sentence.items():
        for timex in timexes_here:
            key = (timex.start, timex.end)
            if key not in out:
                at = _fallback_at(text, span, key)
                out[key] = Happening(None, _fallback(text, span, at), _fallback(text, span, at, SHORT_MAX))
    return out


def _earlier_subject(text: str, span: Span, doc, sentences: list[Span], starts: list[int], dated: list[Timex]
                     ) -> dict[int, tuple[str, str, str]]:
    """The noun a pronoun subject of the sentence's main clause ("He", "In 1986, he") stands for, by its index, from
    the sentence before (`speakers.earlier_subject`; that sentence is parsed only then, the parser being the slow
    stage); `dated`: the text's dates, whose words are no nouns a pronoun could stand for."""
    pronoun = opening_pronoun(doc, _date_words(doc, span, dated))
    i = bisect.bisect_right(starts, span.start) - 1
    if pronoun is None or i < 1 or sentences[i].start != span.start:
        return {}
    earlier = sentences[i - 1]
    if earlier.end - earlier.start > PARSE_MAX_CHARS:
        return {}
    parsed = next(iter(parse_sentences(text, [earlier])))
    words = earlier_subject(pronoun, parsed, _date_words(parsed, earlier, dated))
    return {} if words is None else {pronoun.i: words}


def _date_words(doc, span: Span, dated: list[Timex]) -> set[int]:
    """The tokens of `doc` (the parse of `span`) inside a date expression."""
    inside = [t for t in dated if span.start <= t.start < span.end]
    return {w.i for w in doc for t in inside if t.start <= span.start + w.idx < t.end}


def _names_a_thing(date: Span) -> bool:
    """Whether a date is a thing of its clause, not only its time: its verb's subject ("[Christmas] came early")
    or a modifier of a noun outside it with no preposition ("[Passover] holidays", "[Christmas] shopping")."""
    root = date.root
    if root.dep_ in HOLIDAY_ARGUMENT_DEPS:
        return True
    outside = not date.start <= root.head.i < date.end
    return root.dep_ in KIND_MODIFIER_DEPS and root.head.tag_ in COMMON_NOUN_TAGS and outside


def _sentence_happenings(text: str, sentence: Span, doc, timexes: list[Timex],
                         stands_for: dict[int, tuple[str, str, str]] | None = None) -> dict[tuple[int, int], Happening]:
    # a heading's date lies before the line it heads (`_headed_line`): that line's main clause is what happened
    spans = {(t.start, t.end): doc.char_span(t.start - sentence.start, t.end - sentence.start, alignment_mode="expand")
             if t.start >= sentence.start else None for t in timexes}
    spans = {key: date_core(span) if span is not None and len(span) else span for key, span in spans.items()}
    dates = [s for s in spans.values() if s is not None and len(s)]
    tokens = {key: find_trigger(doc, span, [d for d in dates if d != span]) if span is not None and len(span) else
              _headed_verb(doc) if key[0] < sentence.start else None for key, span in spans.items()}
    # for the headlines: the triggers read the parser's own tree
    repair_conjunct_objects(repair_possessors(repair_said_after_date(repair_verbless_subject(doc), dates)))
    repair_due_clause(repair_misread_names(repair_coordinated_verbs(doc), dates))
    repair_fused_conjuncts(repair_inverted_saying(repair_particles(repair_contrast_clauses(doc))))
    repair_directions(doc)
    repair_said_in_statement(doc, dates)
    repair_trailing_saying(repair_reduced_relative(doc, dates))
    # a holiday the clause is about ("Christmas came early", "the Jewish Passover holidays", "Christmas shopping")
    # says what happened as much as when: the headline keeps it (every other date goes)
    kinds = {(t.start, t.end) for t in timexes if t.rule == "holiday"}
    cut = [s for key, s in spans.items() if s is not None and len(s) and not (key in kinds and _names_a_thing(s))]
    out = {}
    for key, span in spans.items():
        token = tokens[key]
        start = None if token is None else sentence.start + token.idx
        trigger = None if token is None else Trigger(text[start:start + len(token)], start, start + len(token))
        if token is None and key[0] < sentence.start:  # a line with no verb ("Celta Vigo v Real Sociedad"): its words
            continue  # (find_happenings gives them)
        head = token if token is not None else _root(doc)
        full, short = headlines(doc, head, cut, span, (HEADLINE_MAX, SHORT_MAX), stands_for)
        words = full or _fallback(text, sentence, _fallback_at(text, sentence, key))
        out[key] = Happening(trigger, words, chart_label(short, words),
                             token is not None and heads_main_clause(token),
                             token is not None and span is not None and (
                                 comparison_baseline(span, token) or digest_line(doc, token)))
    return out


def digest_line(doc, trigger) -> bool:
    """Whether a sentence only announces a list of news stories ("The following are some of the major news
    stories scheduled to be covered by Xinhua on Friday.") and the date is the schedule's: no happening. A
    clause of its own in it ("the factbox of X, who won the title on Friday") keeps its event."""
    words = [t.lower_ for t in doc if t.is_alpha]
    if not any(" ".join(words[:3]).startswith(opening) for opening in LIST_OPENINGS):
        return False
    news = next((t.i for t in doc if t.lower_ in NEWS_ITEMS and t.i < trigger.i), None)
    return news is not None and not any(c.dep_.startswith("nsubj") and c.i > news for c in trigger.children)


def comparison_baseline(date, trigger) -> bool:
    """Whether a date (a span of the parse) is only the baseline a present figure is compared with: it follows
    a word of comparison ("inflation is 2.1 percent, down from 2.5 percent a year earlier", "sales are up 5
    percent compared with the same period last year") and the clause it dates is in the present tense, so
    nothing happened at that date. A past clause ("profit fell from a year earlier") keeps its event, and so
    does a span of time ("is slated from November 29 to December 3")."""
    doc = date.doc
    if _since_change(date, trigger):
        return True
    word = _comparison_word(date)
    if word is None:
        return False
    if word.lower_ in RANGE_OPENINGS:  # "from": a figure compared ("from 2.5 percent"), or "from a year earlier"
        figure = any(doc[i].like_num for i in range(word.i + 1, date.start))
        if not (figure or any(t.lower_ in BASELINE_WORDS for t in date)):
            return False
        after = doc[date.end:date.end + 3]
        if any(t.lower_ in RANGE_ENDS for t in after):
            return False
    return _tense(trigger if trigger.tag_.startswith("VB") else trigger.head) == "present"


def _since_change(date, trigger) -> bool:
    """Whether a "since" date is the baseline of a change measured up to now ("Prices have risen 5 percent since 2010",
    "The population has doubled since 1990"): a verb of change (CHANGE_VERBS) in the present or present perfect,
    so nothing happened at that date, as for "up 5 percent from a year earlier". A state since a date ("has been
    president since 1990") began then and keeps its event, and so does a count ("has killed 1,700 people since
    January 2004") and a past perfect ("had risen since 2010", dated by a past moment)."""
    doc = date.doc
    since = doc[date.start - 1] if date.start > 0 else None
    if since is None or since.lower_ not in SINCE or trigger.lower_ not in CHANGE_VERBS:
        return False
    return _tense(trigger) == "present"  # also a verb the parse read as a noun ("have risen[NN] 5 percent")


def _comparison_word(date):
    """The word of comparison a date's phrase follows, at most COMPARISON_REACH words before it with no verb,
    preposition or punctuation between ("from 2.5 percent [in] a year earlier", "compared with the same period
    last year"); None when there is none."""
    doc = date.doc
    first = date.start - 1
    if first >= 0 and doc[first].lower_ in BASELINE_PREPOSITIONS:
        first -= 1  # the date's own preposition ("from 14 percent in 2000", "than that of last Friday")
    for i in range(first, max(-1, first - COMPARISON_REACH), -1):
        token = doc[i]
        if token.lower_ in COMPARISON_WORDS:
            # "no earlier than Monday" is a time limit, "more than 1,500 people" a quantity: no comparison
            limit = i > 0 and doc[i - 1].lower_ in DATE_ADVERBS
            quantity = token.lower_ in QUANTITY_COMPARISONS and i + 1 < len(doc) and doc[i + 1].like_num
            return None if limit or quantity else token
        if token.lower_ in COMPARISON_LINKS and i > 0 and doc[i - 1].lower_ in COMPARISON_VERBS:
            return token
        if token.is_punct or token.tag_.startswith("VB") or token.tag_ in (PREPOSITION_TAG, INFINITIVE_TAG):
            return None
    return None


def _tense(verb) -> str | None:
    """'present' or 'past' for the clause of a verb: its own tag and its auxiliaries', climbing from a
    non-finite verb to the one it completes ("remains subdued", "are up 5 percent compared with")."""
    for _ in range(TENSE_REACH):
        tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"}
        if tags & PAST_TAGS:
            return "past"
        if tags & PRESENT_TAGS:
            return "present"
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def heads_main_clause(token) -> bool:
    """Whether `token` heads its sentence's main clause: the root, a verb coordinated with it, or the clause
    a root verb of saying reports ("Police said two rockets were fired": fired)."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "ROOT":
        return True
    head = token.head
    return token.dep_ in ("ccomp", "parataxis") and head.dep_ == "ROOT" and head.lower_ in REPORTING_VERBS


def _fallback_at(text: str, span: Span, key: tuple[int, int]) -> tuple[int, int]:
    """Where a fallback headline is read: the expression, or for a heading's date (before the line it heads) that
    line's first word."""
    return key if key[0] >= span.start else _first_word(text, span)


def _first_word(text: str, span: Span) -> tuple[int, int]:
    first = _NOT_SPACE.search(text, span.start, span.end)
    return (first.start(), first.end()) if first else (span.start, span.start)


def _headed_verb(doc):
    """The verb heading the line a date heads, None for a line with no verb (a fixture, a list of names)."""
    root = _root(doc)
    return root if root.tag_.startswith("VB") else None


def _root(doc):
    return next((t for t in doc if t.dep_ == "ROOT"), doc[0])


def _fallback(text: str, sentence: Span, expression: tuple[int, int], limit: int = LABEL_MAX) -> str:
    """A sentence without a clause to keep (or not parsed): its words around the expression, cut at a word
    boundary."""
    timex = Timex(text[expression[0]:expression[1]], *expression, TimexType.DATE, "")
    label = label_span(text, sentence, timex, limit)
    words = text[label.start:label.end]
    if words.count("(") > words.count(")"):  # a bracket the window opened and did not close: "v Mallorca [(2000]"
        words = words[:words.rindex("(")].rstrip() or words
    return words[:1].upper() + words[1:]  # a window cut mid-sentence still starts like a headline
