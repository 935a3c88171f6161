"""The happening a date expression anchors: its trigger word (a verb or an event noun).

    find_trigger(doc, Span(3, 9))   # doc = parse of "On Sunday, two rockets were fired on the base."
    -> Token "fired"

Every verb, common noun and adjective of the sentence is a candidate. Two averaged perceptrons score them:
an event detector (is this word a happening? its word, stem, affixes, tag, neighbours, head and dependents),
which keeps only the plausible candidates, and a link ranker (the dependency path to the expression, the
clauses it crosses, tag, word, distance, nearness among the likely events, the detector's score, the
expression's head word, whether another date already dates it). A date modifying a noun the detector takes
for an event dates that noun ("the 1995 shooting", "his Aug. 2 power-grab"). Their weights (`timeline/models/triggers.json`) are learned from
the EVENT and TLINK annotations of TimeBank/AQUAINT (and, weighed lower, te3-silver's machine-made ones) by `training/train_triggers.py`. Policies then handle
what those links do not teach: a saying gives way to the statement it was made in ("said in a joint
statement on Wednesday" -> statement) and is dated only by a date hanging from it ("police said Tuesday"),
not by one inside what was said; coordinated verbs sharing a date are one happening named by the first
("invaded and occupied ... in March 2003"); a participle modifying a noun gives way to the verb the date
attaches to; a word another date already dates gives way to the one this date attaches to.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.lang.en.events import (
    CONCURRENT_PREPOSITIONS,
    DATELINE_DASHES,
    DETERMINER_TAGS,
    FLAG_MARKS,
    HYPHEN,
    INFLECTION_SUFFIXES,
    NUMBER_TAG,
    OCCASION_NOUNS,
    PERIOD_END_PARTICIPLES,
    PREPOSITION_TAG,
    REPORTING_VERBS,
    SAYING_NOUNS,
    TIME_NOUNS,
    WIRE_FLAGS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WEIGHTS = Path(__file__).resolve().parent.parent / "models" / "triggers.json"
CANDIDATE_TAGS = ("VB", "NN", "JJ")
PATH_MAX = 4
EVENT_MIN = -3.0  # detector score at or below which a word is no candidate (if any word passes; tuned on dev)


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def find_trigger(doc: Doc, timex: Span, others: list[Span] = (),
                 weights: dict[str, dict[str, float]] | None = None) -> Token | None:
    """The token the expression `timex` (a span of `doc`) dates, or None when the sentence has no candidate.

    `others` are the sentence's other date expressions: a word one of them governs is dated already.
    """
    weights = _weights() if weights is None else weights
    timex, others = date_core(timex), [date_core(other) for other in others]
    heading = dateline(doc)  # "DOHA, Nov. 28 (Xinhua) --": the place is no happening of the dateline's date
    candidates = [c for c in candidates_of(doc, timex) if c.i not in heading]
    if not candidates:
        return None
    noun = _event_noun(timex, candidates, weights["event"])
    if noun is not None:
        return noun
    link = link_features(doc, timex, candidates, others, weights["event"])
    best = max((c for c in candidates if c.i in link),
               key=lambda c: (score(link[c.i], weights["link"]), -abs(c.i - timex.root.i)))
    chosen = _policies(best, timex, frozenset(other.root.head.i for other in others))
    chosen = best if chosen.i in heading else chosen
    thing = dated_thing(timex, weights["event"])
    verb = _verb_of(thing) if thing is not None else None
    if verb is not None and verb.i == chosen.i and chosen.tag_.startswith("VB") and any(c.i == thing.i for c in candidates):
        return thing  # "agreed on the [2007-2013] budget": the date says which budget, not when they agreed
    return chosen


def _verb_of(noun: Token) -> Token | None:
    """The nearest verb a noun hangs from (the clause acting on it), or None."""
    return next((a for a in noun.ancestors if a.tag_.startswith("VB")), None)


def dateline(doc: Doc) -> set[int]:
    """Token indices of a sentence's heading: a wire dateline opening it ("SHANGHAI, Nov. 12 (Xinhua) --", "Baghdad,
    April 6 (AFP) -") and a wire flag opening it or right after the dateline ("URGENT:", "FLASH", "UPDATE 2-"):
    place, date, agency and flag, never a happening nor a headline's words."""
    heading = _dateline(doc)
    return heading | _wire_flag(doc, max(heading, default=-1) + 1)


def _dateline(doc: Doc) -> set[int]:
    if not (len(doc) and doc[0].is_alpha and len(doc[0]) > 1):
        return set()
    dashes = tuple(DATELINE_DASHES)
    # a dateline opens with a place in capitals ("KUALA LUMPUR --", "MAR DEL PLATA, Argentina, Nov. 5 (Xinhua) --"),
    # every word of it up to its comma, bracket or dash; a dash later is an aside ("X -- featuring Y --"), and one after
    # running text is no dateline ("UNITA representative ... said Savimbi -- who has not appeared ... --")
    if all(token.text.isupper() for token in doc[:_place_end(doc)]):
        for token in doc[:12]:
            # also glued to its neighbours: "Nov. 14(Xinhua)--", "(Xinhua) --The"
            if token.text in DATELINE_DASHES or token.text.endswith(dashes) and ")" in token.text or (
                    token.text.startswith(dashes) and token.i > 2):
                return set(range(token.i + 1))
    # a place not in capitals: its comma, then the agency in brackets right before a dash ("Baghdad, April 6 (AFP) -")
    for token in doc[3:12]:
        if token.text in DATELINE_DASHES | {HYPHEN} and doc[token.i - 1].text == ")" and doc[token.i - 3].text == "(" and (
                doc[token.i - 2].is_title or doc[token.i - 2].text.isupper()) and any(t.text == "," for t in doc[:token.i]):
            return set(range(token.i + 1))
    return set()


def _place_end(doc: Doc) -> int:
    """Where a sentence's opening words stop being a place: its first comma, bracket or dash (or a dash glued to a
    word, "Nov. 14(Xinhua)--"), at most 12 words in."""
    return next((t.i for t in doc[:12] if not t.is_alpha and (t.text in ",([" or t.text in DATELINE_DASHES or t.text.startswith(
        tuple(DATELINE_DASHES)) or "(" in t.text)), min(len(doc), 12))


def _wire_flag(doc: Doc, start: int) -> set[int]:
    """A wire flag in capitals at `start` ("URGENT", "FLASH", "UPDATE"), with its number and the colon or dash after."""
    if start >= len(doc) or doc[start].text not in WIRE_FLAGS:
        return set()
    end = start + 1
    if end < len(doc) and doc[end].like_num and end + 1 < len(doc) and doc[end + 1].text in FLAG_MARKS:
        end += 1  # "UPDATE 2-"
    while end < len(doc) and doc[end].text in FLAG_MARKS:
        end += 1
    return set(range(start, end)) if end < len(doc) else set()


def date_core(timex: Span) -> Span:
    """The expression without leading determiners that belong to a word outside it: "The 8 October 2005
    earthquake" tagged with its "The" is a date modifying "earthquake", not a determiner hanging from it."""
    start = timex.start
    while start + 1 < timex.end and timex.doc[start].tag_ in DETERMINER_TAGS and not (
            timex.start <= timex.doc[start].head.i < timex.end):
        start += 1
    return timex.doc[start:timex.end]


DATE_CHAIN_MAX = 3  # numbers a premodifying date's last year climbs through to its noun ("2007-2013 budget")
THING_TAGS = ("NN", "NNS")  # a common noun a date may premodify as a thing, not an event
# What opens such a phrase right before the date ("[the] 2012 election results", "[its] 2005 report", "Kenya['s] 2007
# budget"); not a preposition ("West Ham [on] Monday sacked manager ...", a misparse).
THING_OPENER_TAGS = ("DT", "PRP$", "POS")
# A doer's date bounds its deed ("was designed by [a 15th century] Italian monk", "[a 2004] law allows"): no thing.
DOER_DEPS = ("nsubj", "obl:agent")
# A noun modifying another ("the [1962] Cuban [missile] crisis", "the weekend [grenade] attack"): the phrase's head
# is the thing or event, never this word.
MODIFIER_NOUN_DEPS = ("compound", "amod", "nmod:poss", "flat")
# How a date modifies a noun it is part of: "the 1995 shooting", "his Aug. 2 power-grab", "the attack of May 5".
NOMINAL_MODIFIERS = frozenset(("amod", "compound", "nmod", "nmod:poss", "nummod"))


def _event_noun(timex: Span, candidates: list[Token], event_weights: dict[str, float]) -> Token | None:
    """The event noun the expression modifies ("a March 15 attack"), if the detector takes it for an event."""
    governor = timex.root.head
    if (timex.root.dep_ in NOMINAL_MODIFIERS and governor.tag_.startswith("NN")
            and any(c.i == governor.i for c in candidates)
            and score(event_features(governor), event_weights) > 0):
        return governor
    return None


def dated_thing(timex: Span, event_weights: dict[str, float] | None = None) -> Token | None:
    """The common noun a date premodifies when the detector takes it for no event ("the 2007-2013 budget", "the 2012
    election results", "a 2004 law"): the date says which thing, not when the clause acting on it happened, so the
    thing is what the date anchors and its headline is the thing's phrase ("The election results", not "The
    election results were annulled"). None for an event noun ("a March 15 attack": `_event_noun`), a name ("the
    2010 World Cup"), a time noun ("the 2006 season"), an occasion whose verb happens at it ("won the May 2004
    election", "missed the Nov. 4 deadline"), a noun modifying another ("the 1962 Cuban [missile] crisis"),
    a doer ("designed by a 15th century monk"), a setting ("reported in its Friday edition") or a date after its noun
    ("the budget for 2007"). `find_trigger` takes it only where the ranker chose the verb acting on it."""
    event_weights = _weights()["event"] if event_weights is None else event_weights
    date = timex.root
    for _ in range(DATE_CHAIN_MAX):  # "2013" of "the 2007-2013 budget" hangs on "2007"
        if date.head.i == date.i or date.head.tag_ != NUMBER_TAG:
            break
        date = date.head
    noun = date.head
    start = min(timex.start, date.left_edge.i)
    before = timex.doc[start - 1] if start > 0 else None
    if (date.dep_ not in NOMINAL_MODIFIERS or noun.tag_ not in THING_TAGS or noun.i < timex.end or noun.i == date.i
            or noun.lower_ in TIME_NOUNS | OCCASION_NOUNS or noun.is_title or noun.dep_ in MODIFIER_NOUN_DEPS + DOER_DEPS
            or before is None or before.tag_ not in THING_OPENER_TAGS or _setting(noun)):
        return None
    return noun if score(event_features(noun), event_weights) <= 0 else None


def _setting(noun: Token) -> bool:
    """Whether a noun is where its verb's happening took place, or in a phrase that is ("reported [in] its Friday
    edition", "was defeated [in] the 1999 elections"): the date of the setting is the happening's."""
    while noun.dep_.startswith("nmod") and noun.head.tag_.startswith("NN"):  # "in an early edition of [its Monday
        noun = noun.head  # newspaper]": the phrase the verb has
    return noun.dep_ == "obl" and any(c.dep_ == "case" and c.lower_ in CONCURRENT_PREPOSITIONS for c in noun.children)


def link_features(doc: Doc, timex: Span, candidates: list[Token], others: list[Span],
                  event_weights: dict[str, float]) -> dict[int, list[str]]:
    """The ranker's features of every plausible candidate (by token index).

    Plausible: the detector takes it for an event, unless it takes none of the sentence's words for one.
    """
    dated = frozenset(other.root.head.i for other in others)
    eventness = {c.i: score(event_features(c), event_weights) for c in candidates}
    if any(value > EVENT_MIN for value in eventness.values()):
        candidates = [c for c in candidates if eventness[c.i] > EVENT_MIN]
    ranks = proximity_ranks(timex, [c for c in candidates if eventness[c.i] > 0])
    return {c.i: features(timex, c, dated, ranks.get(c.i, "none"), eventness[c.i]) for c in candidates}


def event_features(token: Token) -> list[str]:
    """Features of a word being an event (a happening or state), whatever date is around."""
    word, tag = token.lower_, token.tag_
    coarse = tag[:2]
    doc = token.doc
    previous = doc[token.i - 1] if token.i > 0 else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = previous.lower_ if previous is not None else "<s>"
    after = following.lower_ if following is not None else "</s>"
    head = token.head
    feats = ["bias", f"w={word}", f"w={word}|{tag}", f"suf={word[-3:]}|{coarse}", f"suf2={word[-2:]}|{tag}",
             f"suf4={word[-4:]}|{coarse}", f"stem={_stem(word)}|{coarse}", f"shape={_shape(token)}|{coarse}",
             f"tag={tag}", f"dep={token.dep_}|{tag}", f"head={head.tag_}|{token.dep_}",
             f"pre={word[:4]}|{coarse}", f"before={before}|{coarse}", f"after={after}|{coarse}",
             f"btag={previous.tag_ if previous is not None else '<s>'}|{tag}",
             f"atag={following.tag_ if following is not None else '</s>'}|{tag}",
             f"w={word}|dep={token.dep_}", f"hw={head.lower_}|{coarse}", f"hw={head.lower_}|{token.dep_}|{coarse}"]
    for child in token.children:
        relation = child.dep_.split(":")[0]
        feats.append(f"child={relation}|{coarse}")
        if relation in ("case", "det", "aux", "cop", "mark"):
            feats.append(f"child={relation}={child.lower_}|{coarse}")
        elif relation == "nmod":
            feats += [f"nmod={c.lower_}|{coarse}" for c in child.children if c.dep_ == "case"]
    return feats


def _stem(word: str) -> str:
    for suffix in INFLECTION_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


def _shape(token: Token) -> str:
    text = token.text
    return "upper" if text.isupper() else "title" if text[:1].isupper() else "lower" if text.islower() else "other"


def candidates_of(doc: Doc, timex: Span) -> list[Token]:
    """Verbs, common nouns and adjectives of the sentence outside the expression."""
    return [t for t in doc if _candidate(t, timex)]


def _verb_above(timex: Span, stop: Token) -> Token | None:
    """The nearest verb the expression hangs from, below `stop` (None if the expression hangs from it)."""
    for ancestor in timex.root.ancestors:
        if ancestor.i == stop.i:
            return None
        if ancestor.tag_.startswith("VB") and _candidate(ancestor, timex):
            return ancestor
    return None


def _candidate(token: Token, timex: Span) -> bool:
    return (not timex.start <= token.i < timex.end and token.tag_.startswith(CANDIDATE_TAGS)
            and token.tag_ not in ("NNP", "NNPS") and token.lower_ not in TIME_NOUNS)


def score(feats: list[str], weights: dict[str, float]) -> float:
    """The ranker's score: the sum of the weights of the features that fire."""
    return sum(weights.get(f, 0.0) for f in feats)


def proximity_ranks(timex: Span, candidates: list[Token]) -> dict[int, str]:
    """Each candidate's nearness to the expression among those of its kind on its side ('L0' = nearest left)."""
    ranks: dict[int, str] = {}
    for side, pool in (("L", [c for c in candidates if c.i < timex.start][::-1]),
                       ("R", [c for c in candidates if c.i >= timex.end])):
        seen: dict[str, int] = {}
        for candidate in pool:
            kind = candidate.tag_[:2]
            ranks[candidate.i] = f"{side}{min(seen.get(kind, 0), 3)}"
            seen[kind] = seen.get(kind, 0) + 1
    return ranks


def features(timex: Span, candidate: Token, dated: frozenset[int], rank: str, eventness: float) -> list[str]:
    """Indicator features of (expression, candidate): path, part of speech, word, distance, rival dates,
    the expression's head word, clauses crossed, the detector's score."""
    path = dependency_path(timex.root, candidate)
    tag = candidate.tag_
    coarse = tag[:2]
    word = candidate.lower_
    distance = candidate.i - timex.root.i
    marker = _marker(timex)
    near = "0" if abs(distance) <= 2 else "1" if abs(distance) <= 5 else "2" if abs(distance) <= 10 else "3"
    side = "L" if distance < 0 else "R"
    feats = [
        "bias", f"path={path}", f"path={path}|{coarse}", f"path={path}|m={marker}", f"tag={tag}",
        f"dep={candidate.dep_}|{coarse}", f"dist={side}{near}",
        f"dist={side}{near}|{coarse}", f"m={marker}|{coarse}", f"up={path.count('^')}|down={path.count('v')}",
        f"rank={rank}", f"rank={rank}|{coarse}", f"rank={rank}|up={path.count('^')}", f"rank={rank}|{path}",
        f"ev={_bucket(eventness)}", f"ev={_bucket(eventness)}|{path}", f"ev={_bucket(eventness)}|{rank}",
        f"tdep={timex.root.dep_}|{path}", f"tdep={timex.root.dep_}|{coarse}|{rank}",
    ]
    if candidate.i in dated:
        feats.append(f"rival_date|{path}")
    if word in REPORTING_VERBS:
        feats.append(f"reporting|{path}")
    clauses = sum(step[:-1] in CLAUSAL for step in path.split()) if path not in ("far", "long") else 9
    feats += [f"w={word}|{coarse}", f"tx={timex.root.lower_}|{coarse}", f"tx={timex.root.lower_}|{path}",
              f"clauses={min(clauses, 2)}|{side}{near}", f"ev6={_bucket6(eventness)}",
              f"ev6={_bucket6(eventness)}|{coarse}", f"ends={_ends(timex.root, candidate)}|{coarse}"]
    return feats


# Relations that open a clause: a path crossing them leaves the date's clause.
CLAUSAL = frozenset(("ccomp", "advcl", "acl", "xcomp", "conj", "parataxis", "csubj"))


def _bucket6(value: float) -> str:
    """The detector's score in six steps of 2.5 (finer than `_bucket`)."""
    return str(min(5, max(0, int((value + 6) // 2.5))))


def _ends(source: Token, target: Token) -> str:
    """The first and last relations of the path, whatever its length: how the date and the word attach."""
    return f"{source.dep_.split(':')[0]}^..{target.dep_.split(':')[0]}v"


def _bucket(value: float) -> str:
    return "--" if value < -2 else "-" if value < 0 else "+" if value < 2 else "++"


def dependency_path(source: Token, target: Token) -> str:
    """Dependency labels from `source` up to the common ancestor ('^') and down to `target` ('v')."""
    up = [source, *source.ancestors]
    positions = {t.i: n for n, t in enumerate(up)}
    down: list[Token] = []
    node = target
    while node.i not in positions:
        down.append(node)
        if node.head.i == node.i:
            return "far"
        node = node.head
    rising = [t.dep_.split(":")[0] + "^" for t in up[:positions[node.i]]]
    falling = [t.dep_.split(":")[0] + "v" for t in reversed(down)]
    steps = rising + falling
    return " ".join(steps) if len(steps) <= PATH_MAX else "long"


def _marker(timex: Span) -> str:
    """The preposition or other case marker introducing the expression ('on', 'in', 'until', '-')."""
    for child in timex.root.children:
        if child.dep_ in ("case", "mark") and child.i < timex.root.i:
            return child.lower_
    before = timex.doc[timex.start - 1] if timex.start > 0 else None
    return before.lower_ if before is not None and before.tag_ == PREPOSITION_TAG else "-"


def _period_bound_verb(token: Token) -> Token | None:
    """The verb a period's noun depends on, when `token` is a participle that only bounds that period ("the fiscal
    year [ending] in March", "the week [ended] Nov. 2"): the date says which period, and the happening is what the
    period saw ("For the fiscal year ending in March, the trade surplus narrowed" -> narrowed); else None."""
    noun = token.head
    if token.dep_ != "acl" or token.lower_ not in PERIOD_END_PARTICIPLES or noun.lower_ not in TIME_NOUNS:
        return None
    verb = noun.head
    return verb if verb.i != noun.i and verb.tag_.startswith("VB") else None


def _policies(token: Token, timex: Span, dated: frozenset[int]) -> Token:
    """Product policies the TimeBank links do not teach.

    A word another expression dates gives way to the word this one attaches to. A saying made in a
    statement dates the statement ("said in a joint statement on Wednesday"), and a saying is dated only by
    a date attached to it ("police said Tuesday"), not by one inside what was said; the
    second of two coordinated verbs sharing a subject and a date hands over to the first, whose clause
    holds both ("had invaded and occupied Iraq in March 2003" -> invaded); a participle that bounds a period ("the
    year ending in March") hands over to the verb the period's noun depends on.
    """
    governor = timex.root.head
    if token.dep_ == "amod" and governor.tag_.startswith("VB") and _candidate(governor, timex):
        token = governor  # a participle modifying a noun ("occupied Iraq" misparsed) is not what the date dates
    if token.i in dated and governor.i not in dated and governor.i != timex.root.i and _candidate(governor, timex):
        token = governor  # another date already dates the ranker's choice; this one dates its own word
    if token.lower_ in REPORTING_VERBS:
        for child in token.children:
            if child.dep_.split(":")[0] in ("nsubj", "obj", "obl") and child.lower_ in SAYING_NOUNS:
                return child
        verb = _verb_above(timex, stop=token)
        if verb is not None:
            return verb  # "X was killed on Sunday, officials said": the date is inside what was said
    period_verb = _period_bound_verb(token)
    if period_verb is not None and period_verb.i not in dated:
        return period_verb  # "For the fiscal year ending in March, the surplus narrowed": what the period saw
    head = token.head
    if (token.dep_ == "conj" and head.tag_.startswith("VB") and head.i not in dated and head.i < token.i
            and not any(c.dep_.startswith("nsubj") for c in token.children)):
        return head
    return token
