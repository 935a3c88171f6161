"""Pruning a clause to fit the room: optional modifiers dropped kind by kind until it fits HEADLINE_MAX or SHORT_MAX.

    _shorten(keep, fired, SHORT_MAX)   # "Two rockets were fired on the Balad air base near Baghdad"
                                       # -> "Two rockets were fired on the air base"

Takes the chosen clause's token indices and returns a subset that renders within the limit: `_protected` words no cut
takes alone (the head, a name's words, a count, a negation, a particle; a word whose cut would leave a piece of a name
or a quoted title: `_whole_units`), `_pruned` cuts the kinds of `_OPTIONAL` in
order (the smallest cut that fits, else the largest of the kind), each cut followed by the repairs of what it left
unreadable (`repair._leftovers`); a verb keeps its complement's core when that fits (`_core`), "X happened, experts
warned" gives X, and a chart label's titles and names are weighed by `label`. Hands the kept indices to the entry
point (`__init__._fitted`), which renders them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from timeline.events.headline.label import _names, _role_noun, _subject_name, _titled, _titles, _titles_back
from timeline.events.headline.repair import _leftovers
from timeline.events.headline.subject import _PLACED_KEY
from timeline.events.headline.verb_clause import (
    _case,
    _infinitive_marks,
    _led_phrase,
    _market_direction,
    _phrase_lead,
    _quoted_adverb,
    _told_words,
)
from timeline.events.syntax import has_dep, ids
from timeline.events.wording import render, sentence_quotations
from timeline.lang.en.events import (
    ADJECTIVE_COMPLEMENT_PREPOSITIONS,
    ADVERB_TAG,
    BARE_NOUN_DEPS,
    BOUNDING_DEPS,
    BOUNDING_WORDS,
    CLAUSE_PUNCT,
    CONJUNCTION_AND,
    CORE_CLAUSE_DEPS,
    CORE_CLAUSE_PARTS,
    CORE_NOUN_DEPS,
    CORE_OBJECT_DEPS,
    CORE_PHRASE_EXCLUDED,
    CORE_PHRASE_YIELDS,
    DETERMINER_TAGS,
    FOCUS_ADVERBS,
    GOAL_PREPOSITIONS,
    INFINITIVE_DOER_CASES,
    MEASURE_DEPS,
    NAME_TAGS,
    NEGATIONS,
    NUMBER_TAG,
    ORGANISATION_ENDINGS,
    PARTICLES,
    PLURAL_VERB_FORMS,
    PLURAL_VERB_TAGS,
    POSTPOSED_ADJECTIVE_DEPS,
    POSTPOSED_ADJECTIVE_TAGS,
    PREPOSITION_NOUN_CASES,
    PREPOSITION_NOUN_OF,
    PREPOSITION_NOUNS,
    PREPOSITION_TAG,
    REPORTING_VERBS,
    SAYING_NOUNS,
    SHORTENING_KEPT_SUBTYPES,
    SHORTENING_SUBTYPE_BASES,
    SUBORDINATORS,
    TITLE_SMALL_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

HEADLINE_MAX = 90
SHORT_MAX = 42  # a chart label: the same clause pruned harder
# Modifiers dropped (largest first, in this order of kinds) while a headline is too long.
# A subject's conjunct ("Abbas [and Shalom] met") says who acted: it goes after the verb's phrases (_SUBJECT_CONJ), and
# never before a verb only a plural subject takes ("China [and Russia] have made" is no English; stop 32: it went
# before any phrase whose cut alone did not fit, "Police [and firefighters] rushed to the scene"). The words of nouns
# so kept go last (_SUBJECT_WORD: "Denmark and [26 other] countries have" says less than the object's words would).
_SUBJECT_CONJ = "conj:subject"
_NOUN_MODIFIERS = ("nmod", "amod", "compound", "nummod")
_SUBJECT_WORD = "conj:subject-word"
# A person's title before a full name (_titles): it goes before a subject's conjunct (a title in a coordinated
# subject) or the verb's complement does, after the complement's modifiers ("Premier Wen Jiabao visited the provinces").
_TITLE = "title"
_SUBJECT_TITLE = "title:subject"
_NAMED = "name"  # the name after a common noun taken as its title (_role_noun): no kind of _OPTIONAL, never cut
_OPTIONAL = ("appos", "acl:relcl", "acl", "parataxis", "advcl", "advmod", "conj", "obl", _SUBJECT_TITLE, _SUBJECT_CONJ,
             *_NOUN_MODIFIERS, _TITLE, "xcomp", "ccomp", "obj", _SUBJECT_WORD, "flat")
# A verb's phrase and the infinitive clause of the same verb right after it go together (_infinitive_after): the
# phrase is what the infinitive is done by or describes, the pair one option of the infinitive's kind.
_DOER_DEPS = ("obj", "iobj", "obl")  # an obl: INFINITIVE_DOER_CASES only
_INFINITIVE_CLAUSE_DEPS = ("xcomp", "advcl")
_SEARCH_MAX = 30  # options of one kind tried one by one for the smallest cut that fits (see _shorten)
# cuts one shortening makes before it stops searching (see _pruned): news clauses make at most 25 (all of
# te3-silver, 15,219 shortenings); a flood of dates in one "sentence" made 600 each, seconds in all
_CUTS_MAX = 100
# words of a clause pruned one cut at a time (see _bulk_cut): news clauses reach 64 (869 documents, 5,236 prunings); a
# "sentence" of 250 ISO dates kept 240-270, and each cut renders the clause: 0.1 s a pruning, seconds a text
_PRUNE_WORDS_MAX = 100


def _shorten(keep: set[int], trigger: Token, limit: int, texts: dict[int, str] | None = None) -> set[int]:
    """Drop optional modifiers, largest first, until the rendered headline fits `limit` characters. A headline too
    long is what was said when a verb saying it follows ("[X happened], experts warned"), and keeps its verb's
    complement as a bare noun (`_core`: "Yi met [with a delegation]", "made [a visit]") when that fits, every word
    kept before the complement stays as it was (the subject, a reported clause's subject, who was called on) and no
    quotation is cut open (stop 31: full headlines too, `benchmarks/headline-rules-judged.tsv`)."""
    doc = trigger.doc
    if len(render(doc, keep, texts)) <= limit:  # most headlines fit as chosen: nothing to protect
        return keep
    # the clause's head: the trigger, or (a report headlined by what was said) the kept word heading the rest
    anchor = trigger if trigger.i in keep else min(
        (doc[i] for i in keep if i >= 0 and (doc[i].head.i not in keep or doc[i].head.i == i)),
        key=lambda t: t.i, default=trigger)
    said = _said_before(_saying_verb(anchor), keep)
    if said is not None:  # "X happened, experts warned" too long: what was said is the news, the sayer goes
        return _shorten({i for i in ids(said) & keep if not doc[i].is_punct or i < max(ids(said))}, said, limit, texts)
    out = _shortened_clause(keep, anchor, limit, texts)
    name = _subject_name(doc, keep, anchor) if limit <= SHORT_MAX else set()
    # the name's own determiner stays with it ("[The] European Central Bank", not "[The] Polish group PKN Orlen")
    lead = {i for i in keep if 0 <= i < min(name, default=0)
            and not (doc[i].tag_ in DETERMINER_TAGS and doc[i].head.i in name)}
    kept = lead & out  # the describing words a label keeps read only as a run up to the name ("President Jacob Zuma")
    if lead and (not name <= out or kept and kept != set(range(min(kept), min(name)))):
        # a label that lost the name, or cut into the words describing it ("Struggling sacked", "Beleaguered Italian
        # Serie Lazio Roma fired"): the describing words go first, if the name then stays
        lead |= {-1 - i for i in lead}  # (a title's words the pruning puts back when there is room go too)
        slim = _shortened_clause(keep - lead, anchor, limit, texts) - lead
        if name <= slim:
            return slim
    return out


def _shortened_clause(keep: set[int], anchor: Token, limit: int, texts: dict[int, str] | None) -> set[int]:
    """`_shorten`'s pruning of a clause headed by `anchor`, its complement kept when that fits (see `_shorten`)."""
    doc = anchor.doc
    protected = _protected(doc, keep, anchor)
    if limit >= HEADLINE_MAX:  # a light verb's "when" clause stays, its modifiers go (a label takes it alone)
        protected |= {i for c in anchor.children if c.i in keep for i in _told_words(c)}
    out = _pruned(keep, anchor, protected, limit, texts)
    # a quoted adverb is kept for its word: when a headline's word went all the same, with a larger phrase the
    # protection made the cut take (the predicate of 'consider Iraq "extremely important"', a whole conjunct), it may
    # go alone (a label that lost a reported clause so gets it back as what was said: _said_label)
    lost = {i for i in protected - out if i in keep and i >= 0 and _quoted_adverb(doc[i])
            and doc[i].head.i not in out} if limit >= HEADLINE_MAX else set()
    if lost:
        freed = _pruned(keep, anchor, protected - lost, limit, texts)
        if any(doc[i].head.i in freed for i in lost):
            protected, out = protected - lost, freed
    core = _core(anchor, keep) - protected
    if core and not core <= out:  # the complement went: keep it if the clause fits without the complement's
        # modifiers, the words before it stay as they were ("called [on Sunni Arab politicians] to withdraw", "ruled
        # that the legality [of targeted strikes] should be determined") and no quote is cut open ('an "arc "')
        kept = _pruned(keep, anchor, protected | core, limit, texts)
        first = doc[min(core - out)]
        owner = first.head if first.head.i in core and first.head.tag_.startswith("NN") else first  # "gold" of "medal"
        before = {i for i in out if i < first.i} - ids(owner) - (_titled(doc) if limit <= SHORT_MAX else set())  # the complement's own words may
        # change, and a person's title may go for it ("[Australian Prime Minister] John Howard condemned the attacks")
        if len(render(doc, kept, texts)) <= limit and before <= kept and not _quote_cut_open(doc, kept):
            return kept
    return out


def _quote_cut_open(doc: Doc, keep: set[int]) -> bool:
    """Whether `keep` has a quotation's opening mark without all of its words ('an "arc [of prosperity]"')."""
    return any(q.opening[0] in keep and not q.words <= keep for q in sentence_quotations(doc))


def _whole_units(doc: Doc, keep: set[int]) -> set[int]:
    """The words of `keep` whose cut alone would cut open a name or a quoted title `keep` has whole (`_units`) whose
    words head words outside it ("Luiz Inacio [Lula] da [Silva]", "Luiz" heading "Brazilian President"): such a
    name is whole or gone. A unit heading nothing else is cut whole instead (`_cut`: "[World] Cup finals")."""
    out: set[int] = set()
    for unit, first_words in _units(doc):
        if not unit <= keep or _self_contained(doc, unit):
            continue
        first, last = min(unit), max(unit)
        for i in keep:
            word = doc[i] if i >= 0 else None
            if word is None or word.right_edge.i < first or word.left_edge.i > last:
                continue  # its phrase lies outside the unit
            if _cut_open(unit, first_words, ids(word) & unit):
                out.add(i)
    return out


def _units(doc: Doc) -> list[tuple[frozenset[int], bool]]:
    """The words a headline keeps whole or not at all, each with whether its first words may go alone: a quoted name
    or title (`_quoted_title`: '``Spring [of Life]'' demonstrations'), and a name (`label._names`: "Luiz Inacio Lula
    da Silva", whose first words may go: "[Kofi] Annan"). A quotation of speech may be cut as any words are (its
    marks then go: `wording.render`)."""
    quoted = [(q.words, False) for q in sentence_quotations(doc) if q.words and _quoted_title(doc, q.words)]
    return quoted + [(name, doc[max(name)].lower_ not in ORGANISATION_ENDINGS) for name in _names(doc)]


def _cut_open(unit: frozenset[int], first_words: bool, part: set[int]) -> bool:
    """Whether a cut of `part` of a unit leaves a piece of it: not all of it, nor (`first_words`) its first words."""
    return bool(part) and part != unit and not (first_words and part == {i for i in unit if i <= max(part)}
                                               and max(unit) not in part)


def _self_contained(doc: Doc, unit: frozenset[int]) -> bool:
    """Whether a unit's words head no word outside it but punctuation ("the first [World Cup] finals")."""
    return all(doc[j].is_punct for i in unit for j in ids(doc[i]) - unit)


def _quoted_title(doc: Doc, words: frozenset[int]) -> bool:
    """Whether quoted words are a name or a title: each capitalised or a number, but a title's small words
    (TITLE_SMALL_WORDS: "Spring of Life", "A Day of Shame for the Nation", "Military Operations Other Than War")."""
    first = doc[min(words)]
    return first.text[:1].isupper() and all(
        doc[i].text[:1].isupper() or doc[i].like_num or doc[i].lower_ in TITLE_SMALL_WORDS for i in words)


def _said_before(verb: Token, keep: set[int]) -> Token | None:
    """The clause of what was said before a verb that says it, set off by a comma ("The virus is destroying family
    life across Africa, international health experts warned"), when the verb has nothing said after it."""
    if not verb.tag_.startswith("VB") or any(c.dep_ in ("obj", "ccomp") and c.i > verb.i for c in verb.children):
        return None
    said = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i and c.i in keep
                 and (c.tag_.startswith("VB") or has_dep(c, "cop", "aux", "aux:pass"))), None)
    if said is None:
        return None
    subject = min((i for c in verb.children if c.dep_.startswith("nsubj") and c.i < verb.i for i in ids(c)),
                  default=verb.i)
    return said if any(verb.doc[i].text in CLAUSE_PUNCT for i in range(said.i + 1, subject)) else None


def _saying_verb(anchor: Token) -> Token:
    """The verb a shortened headline's head says with: itself, or the verb of saying a noun of saying is the phrase
    of ("said [in a statement]", SAYING_NOUNS): cut to that phrase, the label says only "Said in a statement"."""
    if anchor.lower_ in SAYING_NOUNS and anchor.dep_.startswith("obl") and anchor.head.lower_ in REPORTING_VERBS:
        return anchor.head
    return anchor


def _protected(doc: Doc, keep: set[int], anchor: Token) -> set[int]:
    """The words of `keep` no cut may take on its own: the clause's head and its ancestors, grafted words, a name's
    words, a measure's or a subject's count, a negation, a verb's particle, an adverb quoted with its word."""
    protected = {anchor.i, *(t.i for t in anchor.ancestors)}
    # words grafted on the clause (a borrowed subject, an antecedent): their head is not kept
    grafted = {i for i in keep if i >= 0 and doc[i].head.i not in keep}
    protected |= grafted | {i for auxiliary, words in doc.user_data.get(_PLACED_KEY, {}).items() if auxiliary in keep
                            for i in words & keep}
    # A word of a name ("the National Basketball Association" never loses "National", "George W. Bush" never
    # "W. Bush"): a proper noun before its proper-noun head with only proper nouns between, or after it in a flat name.
    protected |= {t.i for t in doc if t.i < t.head.i and all(doc[j].tag_ in NAME_TAGS for j in range(t.i, t.head.i + 1))}
    protected |= {t.i for t in doc if t.dep_ == "flat" and t.tag_ in NAME_TAGS and t.head.tag_ in NAME_TAGS}
    # the count of a measure ("[eight] days before the election"): "days before" would say something else
    protected |= {t.i for t in doc if t.dep_ == "nummod" and t.head.dep_.endswith(MEASURE_DEPS)}
    # a negation: without it the headline says the opposite ("Shanghai will [not] build a landmark"); not the "not" of
    # "not only", which goes with its phrase
    protected |= {t.i for t in doc if t.lower_ in NEGATIONS and not (
        t.i + 1 < len(doc) and doc[t.i + 1].lower_ in FOCUS_ADVERBS)}
    # a word that bounds or reverses its head, as a negation does ("will be [less] severe", "[nearly] died")
    protected |= {t.i for t in doc if t.lower_ in BOUNDING_WORDS and t.dep_ in BOUNDING_DEPS}
    # the count of a subject ("[180,000] people were killed", "[15.5 million] voters cast"), a grafted one's too ("[24]
    # reporters were allowed"): how many is the news, and "million voters" says another; an object's count may go with
    # the object when nothing else fits
    counts = {t.i for t in doc if t.dep_ == "nummod" and (t.head.dep_.startswith("nsubj") or t.head.i in grafted)}
    protected |= counts | {t.i for t in doc if t.tag_ == NUMBER_TAG and t.head.i in counts}
    # the words before a subject that is a number say what it numbers ("[Nov.] 7 was renamed", "[April] 12 is a date")
    protected |= {t.i for t in doc if t.i < t.head.i and t.head.tag_ == NUMBER_TAG and t.head.dep_.startswith("nsubj")}
    # a verb's particle right after it ("was stepping [down]"): part of the verb
    protected |= {t.i for t in doc if t.dep_ in ("advmod", "compound:prt") and t.lower_ in PARTICLES
                  and t.i == t.head.i + 1 and t.head.tag_.startswith("VB")}
    protected |= {t.i for t in doc if t.i in keep and _market_direction(t)}  # "opened [higher]": what prices did
    # the doer of the kept infinitive after it ("ordered [construction] to begin"): without it the verb's subject
    # seems to do it ("Netanyahu ordered to begin")
    head = {anchor.i, *(t.i for t in anchor.ancestors)}
    protected |= {t.i for t in doc if t.i in keep and (clause := _infinitive_after(t)) is not None and clause.i in head}
    # a number's conjunct up to its head, cut only with the number: the numbers make one quantity, half of it says
    # another ("their one [and only previous championship]", "units 1 [and 2]", "One hundred [and twenty men]"); not
    # a date's ("between 1991 and 1995" is left out)
    protected |= {i for t in doc if t.dep_ == "conj" and t.i in keep and (t.head.tag_ == NUMBER_TAG or t.head.like_num)
                  for i in ids(t) if i <= t.i}
    # the noun of "of" after a noun that makes a preposition ("on the back [of] [withdrawals]"), cut only with it
    protected |= {i for t in doc if _preposition_noun_object(t) for i in (t.i, *(c.i for c in t.children
                                                                               if c.dep_ == "case"))}
    # the first word of a two-word preposition whose phrase is kept whole ("[ahead] of a speech"): cut only with it
    protected |= {t.i for t in doc if (phrase := _led_phrase(t)) is not None and phrase.i in protected}
    # an adverb of a short quoted phrase, quoted with its word (would "[adversely] affect", "[highly] confident"): the
    # writer quoted how, cut alone it says something else; it goes with its word's phrase
    protected |= {t.i for t in doc if t.i in keep and _quoted_adverb(t)}
    return protected | _whole_units(doc, keep)


def _preposition_noun_object(noun: Token) -> bool:
    """Whether a noun is the "of" phrase of a noun that makes a preposition with it ("on the back of [withdrawals]",
    "in the wake of [the attack]"; PREPOSITION_NOUNS)."""
    head = noun.head
    return (noun.dep_.startswith("nmod") and _case(noun) == PREPOSITION_NOUN_OF and head.i < noun.i
            and head.lower_ in PREPOSITION_NOUNS and _case(head) in PREPOSITION_NOUN_CASES)


def _infinitive_after(phrase: Token) -> Token | None:
    """The infinitive clause of `phrase`'s verb whose "to" comes right after the phrase (an object, or a phrase opened
    by INFINITIVE_DOER_CASES): the infinitive's doer ("ordered [construction] to begin", "called on [officers] to
    join") or, misparsed, the noun it describes ("opened for [presidential elections] to be held"); else None."""
    dep = phrase.dep_.split(":")[0]
    if dep not in _DOER_DEPS or not phrase.tag_.startswith(("NN", "PRP")) or (
            dep == "obl" and _case(phrase) not in INFINITIVE_DOER_CASES):
        return None
    end = max(ids(phrase)) + 1
    return next((c for c in phrase.head.children if c.dep_ in _INFINITIVE_CLAUSE_DEPS and min(ids(c)) == end
                 and end in _infinitive_marks(c)), None)


def _pruned(keep: set[int], anchor: Token, protected: set[int], limit: int, texts: dict[int, str] | None
            ) -> set[int]:
    """`keep` without optional modifiers (`_OPTIONAL`, kind by kind) not `protected`, until it fits `limit`."""
    doc = anchor.doc
    protected_head = {anchor.i, *(t.i for t in anchor.ancestors)}
    conjuncts = {t.i for t in doc if _subject_conjunct(t)}
    kinds = {t.i: _kind(t, keep) for t in doc}
    agreeing = {i for i in conjuncts if _agreeing(doc[i].head.head)}  # kept: their nouns' words go last
    protected = protected | agreeing
    coordinated = agreeing | {doc[i].head.i for i in agreeing}
    kinds = {i: _SUBJECT_WORD if kind in _NOUN_MODIFIERS and doc[i].head.i in coordinated else kind
             for i, kind in kinds.items()}
    # a verb's phrase with its infinitive after it goes with it, as the later of the two kinds ("called [on officers
    # to join]" as an xcomp); an object stays an object ("told [Ethiopia]" when its infinitive went first)
    order = {kind: n for n, kind in enumerate(_OPTIONAL)}
    kinds |= {t.i: max(kinds[t.i], kinds[clause.i], key=lambda kind: order.get(kind, -1)) for t in doc
              if t.i in keep and t.dep_.startswith("obl") and (clause := _infinitive_after(t)) is not None}
    keep = _bulk_cut(keep, kinds, protected | conjuncts, doc)
    clause, made = keep, 0
    titles = _titles(doc) if limit <= SHORT_MAX else {}  # a chart label's only (see _TITLE)
    # a name the parse hung on the common noun before it ("actor [Armin Mueller-Stahl]" as its appos) is who acted:
    # the noun goes as a title does, the name never as a modifier
    kinds |= {w + 1: _NAMED for w in titles if doc[w + 1].head.i == w and _role_noun(doc[w])}
    for kind in _OPTIONAL:
        while len(render(doc, keep, texts)) > limit:
            if kind in (_TITLE, _SUBJECT_TITLE):  # a title is a name's words (protected from other cuts): cut
                # whole, as a kind is; a chart label's only (a full headline has the room to say who the person is)
                titled = sorted((t for t in titles if t in keep and not titles[t] & protected_head
                                 and (kind == _TITLE or _coordinated_subject(doc[t]))),
                                key=lambda t: len(titles[t]))
                if not titled:
                    break
                cuts = [_leftovers(keep - titles[t] - {-1 - i for i in titles[t]}, clause, protected, doc)
                        for t in titled]
                keep = next((c for c in cuts if len(render(doc, c, texts)) <= limit), cuts[-1])
                continue
            options = sorted((t for t in doc if (t.i in conjuncts if kind == _SUBJECT_CONJ else kinds[t.i] == kind
                                                 and t.i not in conjuncts) and t.i in keep and t.i not in protected),
                             key=lambda t: len(ids(t) & keep))
            cuts: dict[int, set[int]] = {}
            cut_of = functools.partial(_cut_once, cuts, keep, clause, protected)  # each option's cut, made once a round
            fronted = _fronted(anchor, keep)  # then no cut may take every word before the verb (see _fronted)
            # The smallest cut that makes it fit, else the largest of this kind (and go on). Past _SEARCH_MAX
            # options (a run of numbers or names no news sentence has) or _CUTS_MAX cuts made, the largest at once:
            # trying each would render the clause options² times, minutes for a pasted table. Each option's cut is
            # made only when it is tried: making them all every round was cubic in a long clause's words.
            tried = options if len(options) <= _SEARCH_MAX and made < _CUTS_MAX else ()
            if kind == "obl":  # a verb's goal goes last ("went [into space]", "will leave [for Shanghai]")
                tried = [*(t for t in tried if not _goal(t, keep)), *(t for t in tried if _goal(t, keep))]
            cut = next((t for t in tried if (not fronted or _fronted(anchor, cut_of(t)))
                        and len(render(doc, cut_of(t), texts)) <= limit), None)
            if cut is None:
                cut = next((t for t in reversed(options) if not fronted or _fronted(anchor, cut_of(t))), None)
            if cut is None:
                break
            keep = cut_of(cut)
            made += len(cuts)
    return _titles_back(doc, keep, titles, limit, texts)


def _bulk_cut(keep: set[int], kinds: dict[int, str], kept: set[int], doc: Doc) -> set[int]:
    """`keep` of more than _PRUNE_WORDS_MAX words (a run of dates, numbers or names no news clause has) without every
    phrase of a kind of `_OPTIONAL` at once, kind by kind in their order, until it has no more words; `kept` words'
    phrases stay. Pruning it cut by cut would render the whole clause for each cut, each option tried."""
    clause = keep
    for kind in _OPTIONAL:
        if sum(i >= 0 for i in keep) <= _PRUNE_WORDS_MAX:
            break
        for i in sorted(i for i in keep if i >= 0 and kinds[i] == kind and i not in kept):
            if i in keep and not ids(doc[i]) & kept:
                keep = _without(keep, doc[i])
    return keep if keep is clause else _leftovers(keep, clause, kept, doc)


def _coordinated_subject(title: Token) -> bool:
    """Whether a title's name is a subject's conjunct or a subject with one ("[Israeli Prime Minister] Ehud Olmert and
    Mahmud Abbas sparked hope")."""
    doc, end = title.doc, title.i + 1
    while end < len(doc) and doc[end].tag_ in NAME_TAGS:
        end += 1
    return any(_subject_conjunct(w) or (w.dep_.startswith("nsubj") and any(map(_subject_conjunct, w.children)))
               for w in doc[title.i + 1:end])


def _core(verb: Token, keep: set[int]) -> set[int]:
    """The complement of `verb` a shortened headline keeps, as its bare noun (CORE_NOUN_DEPS): its object, else its
    infinitive or reported clause with that clause's own subject or doer (`_infinitive_after`) and complement ("agreed to become [the sponsor]"),
    else the phrase right after it ("met [with a delegation]", "amounted [to 62 billion dollars]"), not a comparison's,
    a role's or a time's ("divided [than at any time]", "detained [as part of ...]", "resigned [after weeks ...]"), with
    a bare noun the parse split from it; none for a phrase whose preposition the parse hung elsewhere (a misparse), a
    verb with none of these kept, or a word that is no verb."""
    if not verb.tag_.startswith("VB"):
        return set()
    children = [c for c in verb.children if c.i in keep and c.i > verb.i]
    noun = next((c for c in children if c.dep_ in CORE_OBJECT_DEPS), None)
    if noun is not None:
        return _bare_noun(noun)
    clause = next((c for c in children if c.dep_ in CORE_CLAUSE_DEPS and c.tag_.startswith("VB")), None)
    if clause is not None:
        parts = {c.i for c in clause.children if c.dep_ in CORE_CLAUSE_PARTS}
        subjects = [c for c in clause.children if c.dep_.startswith("nsubj") and c.i in keep] + [
            c for c in children if c.i < clause.i and _infinitive_after(c) == clause]  # "called on [officers] to join"
        return {clause.i} | parts | {i for s in subjects for i in _bare_noun(s)} | _core(clause, keep)
    after = next((c for c in children if c.dep_ == "obl" and _after_verb(verb.doc, min(_led(c)), keep)), None)
    if after is not None and _case(after) in CORE_PHRASE_YIELDS:  # "increased from 15.6 [to 16.2 percent]": the end
        after = next((c for c in children if c.dep_ == "obl" and _case(c) in CORE_PHRASE_YIELDS[_case(after)]), after)
    first = verb.doc[min(_led(after))] if after is not None else None
    if first is None or first.lower_ in CORE_PHRASE_EXCLUDED | SUBORDINATORS or _bare_phrase(after) or (
            first.tag_ == PREPOSITION_TAG and first.head.i != after.i):  # a noun without a preposition of its own, or
        return set()  # one hung on another word of it: a misparse ("[by the tenth[NN]] Panchen Lama", "closed [over]
        # stronger regional markets")
    return _bare_noun(after) | (_led(after) - ids(after)) | set().union(*(ids(glued) for glued in _glued(after)))  # "inside a highway [tunnel]"


def _led(phrase: Token) -> set[int]:
    """A phrase's words with the first word of its two-word preposition hung outside it ("[ahead] of a speech")."""
    lead = _phrase_lead(phrase)
    return ids(phrase) | ({lead.i} if lead is not None else set())


def _bare_phrase(phrase: Token) -> bool:
    """A verb's noun phrase with no preposition of its own that opens with an adverb: a preposition misread
    ("closed [over[RB]] stronger regional markets"); not an object misread as a phrase ("defeated chancellor Helmut
    Kohl", "exported 640 million dollars") nor an adverb the parse made a phrase ("switched back [on]")."""
    return phrase.tag_.startswith("NN") and not _case(phrase) and phrase.doc[min(ids(phrase))].tag_ == ADVERB_TAG


def _bare_noun(noun: Token) -> set[int]:
    """A noun with the words of its phrase that stay with it (CORE_NOUN_DEPS: "a", "to", a count, a possessor); a
    name whole ("the [Gulf] Coast", "the Gulf [of Oman]"), and a noun without a determiner with its modifiers ("in
    connection [with the robbery]", "to [first] place"), the first word of its two-word preposition ("[ahead] of a
    speech": `_led_phrase`)."""
    out = {noun.i} | {i for c in noun.children if c.dep_ in CORE_NOUN_DEPS or _led_phrase(c) == noun for i in ids(c)}
    name = noun.is_title  # capitalised: the parse tags a name's words as common nouns at times ("the Gulf[NN] of Oman")
    bare = noun.tag_ == "NN" and not any(c.dep_ in ("det", "nmod:poss", "nummod") for c in noun.children)
    for child in noun.children:
        if (name and child.dep_ in ("compound", "amod", "nmod") and child.is_title) or (
                bare and child.dep_ in ("amod", "nmod")):
            out |= ids(child)
    return out


def _cut_once(cuts: dict[int, set[int]], keep: set[int], clause: set[int], protected: set[int], token: Token
              ) -> set[int]:
    """`_cut(keep, token, ...)`, kept in `cuts` (one round of `_shorten`: the same `keep`) so that no option's cut
    is made twice (the front check, the search and the cut taken)."""
    if token.i not in cuts:
        cuts[token.i] = _cut(keep, token, clause, protected)
    return cuts[token.i]


def _kind(token: Token, clause: set[int]) -> str:
    """The kind of `_OPTIONAL` a dependent is dropped as: its relation, a subtype of SHORTENING_SUBTYPE_BASES as its
    base ("obl:unmarked" as "obl") unless the subtype is a kind of its own, a possessor, an agent, a title, or a
    bare noun right after a verb (an object misparsed, kept as objects are)."""
    dep = token.dep_
    common = token.tag_ in ("NN", "NNS")  # an object noun across a left-out date; not "that" or "G.M.T." misread
    if dep in BARE_NOUN_DEPS and token.head.tag_.startswith("VB") and _after_verb(
            token.doc, min(ids(token)), clause if common else None):
        return dep  # a bare noun right after a verb is its object misparsed ("challenged [the conviction]"): kept
    base = dep.split(":")[0]
    if base in SHORTENING_SUBTYPE_BASES and dep not in _OPTIONAL and dep not in SHORTENING_KEPT_SUBTYPES:
        return base
    return dep


def _after_verb(doc: Doc, i: int, clause: set[int] | None) -> bool:
    """Whether word `i` comes right after a verb or a verb and its particle ("swept away [entire towns]"), a date
    left out between them ("challenged [Wednesday] the conviction"), not set off by a comma ("was stepping down[, one
    day]"); `clause` None: no words are left out between."""
    if doc[i].is_punct:
        return False
    while clause is not None and i > 0 and i - 1 not in clause and not doc[i - 1].is_punct:
        i -= 1
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.lower_ in PARTICLES and i > 1:
        before = doc[i - 2]
    return before is not None and before.tag_.startswith("VB")


def _fronted(anchor: Token, keep: set[int]) -> bool:
    """Whether a verb's headline keeps a word before the verb: a cut must not take them all ("[More than 25 Qassam
    rockets] have landed", the subject misread as an adverb), a finite verb needs what stands in its subject's place."""
    if not anchor.tag_.startswith("VB"):
        return False
    first = min([anchor.i, *(c.i for c in anchor.children if c.dep_ in ("aux", "aux:pass", "cop") and c.i in keep)])
    doc = anchor.doc
    return any(0 <= i < first and doc[i].is_alpha for i in keep)


def _cut(keep: set[int], token: Token, clause: set[int], protected: set[int]) -> set[int]:
    """`keep` without `token`'s phrase (`_without`), a bare noun the parse split from it, the
    infinitive right after it (`_infinitive_after`), and what the cut leaves
    behind that no longer reads (`_leftovers`); `clause` is the headline's words before any cut."""
    out = _without(keep, token)
    for unit, first_words in _units(token.doc):  # a name heading nothing else goes whole ("first [World] Cup")
        if unit <= keep and _cut_open(unit, first_words, unit - out) and _self_contained(token.doc, unit):
            out -= unit | {-1 - i for i in unit}
    partner = _led_phrase(token) or _phrase_lead(token)  # "ahead" and "of a speech" go together
    for glued in [*_glued(token), *filter(None, [_infinitive_after(token), partner])]:
        if not ids(glued) & protected:
            out = _without(out, glued)
    return _leftovers(out, clause, protected, token.doc)


def _glued(token: Token) -> list[Token]:
    """A verb's bare noun and the prepositional phrase right before it, one phrase split by a misparse ("exploded
    [inside a highway] [tunnel]"): cutting either cuts both."""
    head = token.head
    if not head.tag_.startswith("VB") or head.i == token.i:
        return []
    span = ids(token)
    out = []
    for sibling in head.children:
        if sibling.i == token.i:
            continue
        other = ids(sibling)
        after = min(other) == max(span) + 1 and sibling.dep_ in BARE_NOUN_DEPS and token.dep_ == "obl"
        before = max(other) == min(span) - 1 and token.dep_ in BARE_NOUN_DEPS and sibling.dep_ == "obl"
        if after or before:
            out.append(sibling)
    return out


def _goal(phrase: Token, keep: set[int]) -> bool:
    """A verb's phrase of where to, right after it in the headline ("went [into space]", "will leave [here Wednesday
    evening] for Shanghai")."""
    doc, first = phrase.doc, min(ids(phrase))
    return doc[first].lower_ in GOAL_PREPOSITIONS and phrase.head.i < first and all(
        i not in keep or doc[i].tag_ == ADVERB_TAG for i in range(phrase.head.i + 1, first))


def _subject_conjunct(token: Token) -> bool:
    """A subject's conjunct that `_shorten` drops as _SUBJECT_CONJ: a noun joined by "and" ("Colonel X and Captain Y
    died"), not "Sarraf, a Christian but an ally of Y"."""
    return token.dep_ == "conj" and token.head.dep_ in ("nsubj", "nsubj:pass") and token.tag_.startswith("NN") and any(
        c.dep_ == "cc" and c.lower_ == CONJUNCTION_AND for c in token.children)


def _agreeing(verb: Token) -> bool:
    """Whether `verb`'s finite word (its first auxiliary, else itself) has a form only a plural subject takes ("China
    and Russia [have] made", "[were] killed"): a subject's conjunct cut leaves no English ("China have made")."""
    finite = min((c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop") and c.i < verb.i),
                 key=lambda c: c.i, default=verb)
    return finite.tag_ in PLURAL_VERB_TAGS or finite.lower_ in PLURAL_VERB_FORMS


def _without(keep: set[int], token: Token) -> set[int]:
    """`keep` without the subtree of `token` (and without its past-tense marks)."""
    gone = ids(token)
    head = token.head
    if head.tag_ in POSTPOSED_ADJECTIVE_TAGS and head.dep_ in POSTPOSED_ADJECTIVE_DEPS and head.head.i < head.i < token.i \
            and any(c.dep_ == "case" and c.lower_ in ADJECTIVE_COMPLEMENT_PREPOSITIONS for c in token.children):
        # "the militia loyal [to X]", "farmers angry [about Y]": the adjective goes with its phrase (not the words
        # before it a misparse hung on it: "a colonel [in the force] loyal to X" keeps "in the force")
        gone = {i for i in ids(head) if i >= head.i}
    first = token.doc[min(gone)]
    if first.i > 0 and first.dep_.endswith(MEASURE_DEPS) and token.doc[first.i - 1].tag_ == NUMBER_TAG:
        gone.add(first.i - 1)  # a measure's count goes with it, wherever the parse hung it ("two [weeks after]")
    return keep - gone - {-1 - i for i in gone}
