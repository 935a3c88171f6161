"""A verb's clause: the verb with its arguments, the words that belong to its gist and those that do not.

    _verb_clause(fired, removed, others)   # "On Sunday, two rockets were fired on the base, police said."
                                           # -> "Two rockets were fired on the base" (no date, no "police said")

`_verb_clause` keeps a verb's subject, auxiliaries, objects and complements (`_belongs`: no side clause, sentence
adverb, attribution or coordinated verb with a date or subject of its own), borrows a missing subject from the verb it
is coordinated with or governed by (`_controlled_subject`), and reads "did not X until" as "X-ed" (`_until`). It hands
a set of token indices (a negative index: the past form of that word) to the clause choice (`clause`, `reported`);
the pruning (`prune`) asks it which words are a market's direction or an infinitive's "to".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.speakers import antecedent, fronted_actor, person_before, relative_antecedent, sayer_for
from timeline.events.syntax import has_dep, ids, is_punctuation
from timeline.events.wording import sentence_quotations
from timeline.lang.en.events import (
    ACCORDING,
    ADVERB_DEP,
    AGENT_PREPOSITION,
    AUXILIARY_DEPS,
    BARE_HAPPENING_DEPS,
    BARE_HAPPENING_VERBS,
    BOUNDING_WORDS,
    COMING_SUBORDINATORS,
    COMPARATIVE_DIRECTIONS,
    CORE_PHRASE_EXCLUDED,
    DATE_PHRASE_CASES,
    DIRECTION_ADVERBS,
    FINITE_CLAUSE_TAGS,
    GERUND_TAG,
    HAPPENING_VERBS,
    INFINITIVE_NOUNS,
    INFINITIVE_SUBJECT_CASE,
    INFINITIVE_TAG,
    LIKENESS_MARKS,
    LIKENESS_VERBS,
    MODAL_TAG,
    MODIFIER_VERB_DEPS,
    NEGATIONS,
    PARTICIPLE_TAG,
    PARTICLES,
    PAST_AUXILIARY,
    PAST_TAGS,
    PERSONAL_PRONOUNS,
    PLACE_TAKING,
    PREPOSITION_LEADS,
    PREPOSITION_TAG,
    QUOTED_PHRASE_MAX,
    RELATIVE_CLAUSE_DEP,
    RELATIVE_PRONOUNS,
    RELATIVE_TAGS,
    REPORTING_VERBS,
    SAYING_NOUNS,
    SUBJECT_DEPS,
    SUBORDINATORS,
    TELLING_SUBORDINATORS,
    UNTIL,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Children never part of a headline: subordinate/parenthetical clauses, discourse words, punctuation.
_NEVER = {"mark", "advcl", "parataxis", "discourse", "vocative", "dislocated", "punct", "dep", "reparandum",
          "orphan", "list", "goeswith"}
_CONTROL_CLIMB = 3  # complements and conjuncts climbed to an infinitive's subject (_controlled_subject)
_DEEDS_KEY = "timeline.headline.deeds"  # an infinitive kept with its governing deed: the subject it borrowed (per parse)
MEASURE_PHRASE_DEPS = ("obl:unmarked", "obl:npmod", "obj")  # a verb's measure before a direction ("rose [5 points] higher")


def _is_predicate(token: Token) -> bool:
    """A verb, or a word the parse treats as one (a clause head with a subject, auxiliary or object)."""
    if token.tag_.startswith("VB") or token.dep_ == "ROOT":
        return True
    if token.dep_ == "conj" and token.head.tag_.startswith("VB"):
        return True
    return any(c.dep_.split(":")[0] in ("nsubj", "aux", "cop", "obj") for c in token.children)


def _subtree(token: Token, removed: set[int]) -> set[int]:
    return {t.i for t in token.subtree if t.i not in removed}


def _verb_clause(verb: Token, removed: set[int], others: set[int]) -> set[int]:
    """The verb with its arguments; a missing subject borrowed from a coordinated or described word."""
    keep = {verb.i}
    has_subject = False
    # a noun's infinitive keeps its "to" ("the poll, to be published Friday" -> "The poll to be published")
    to = {c.i for c in verb.children if c.dep_ == "mark" and c.tag_ == INFINITIVE_TAG}
    participle = verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG", "VBD", "VBZ", "VBP")  # "troops stationed in Iraq"
    infinitive = verb.dep_ in ("acl", "xcomp") and verb.tag_ == "VB" and verb.head.tag_.startswith("NN") and not any(
        c.dep_.startswith("nsubj") for c in verb.children)  # "the strongest storm to hit Texas"
    if participle or infinitive:  # the noun it describes is its subject
        keep |= antecedent(verb, removed) | to
        has_subject = True
    for child in verb.children:
        if child.i in removed or not _belongs(child, others) or _side_phrase(child, verb) and not _told_clause(child):
            continue
        actor = fronted_actor(child.doc, child, removed) if child.dep_ == "csubj" else set()
        if actor:  # "Winning his title, Federer climbed": a fronted participle misread as a subject; Federer is it
            keep |= actor
            has_subject = True
            continue
        if child.dep_.startswith("nsubj") or child.dep_ == "expl":
            has_subject = True
            person = person_before(child, removed)
            if person:  # "for Federer, who has clinched" hung elsewhere: "who" names a person, not a clause
                keep |= person
                continue
            stand_in = relative_antecedent(child, removed) if child.lower_ in RELATIVE_PRONOUNS else set()
            if stand_in or child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == RELATIVE_CLAUSE_DEP:
                keep |= stand_in  # also a clause misread as a ccomp: "a standoff [that has claimed]"
                continue
            sayer = sayer_for(child, verb, removed)
            if sayer is not None:  # one named after its quote takes the pronoun's place (speakers.rewritten_words)
                keep |= sayer if min(sayer) < child.i else {child.i}
                continue
        keep |= _subtree(child, removed)
    # a gerund ("by [fielding]") or a passive one set off by a subordinator ("before [being] released"; not "slated for
    # [being] commissioned", which says a plan) does what its head's subject does
    passive = verb.dep_ == "advcl" and any(c.dep_ == "aux:pass" and c.tag_ == "VBG" for c in verb.children) and any(
        c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children)
    borrows = verb.dep_ == "conj" or passive or (verb.tag_ == "VBG" and verb.dep_.split(":")[0] in ("advcl", "obl",
                                                                                                   "xcomp"))
    # the head may be a nominal predicate: "Botha was president from 1978 to 1989, and oversaw ..."
    if not has_subject and borrows and (verb.head.tag_.startswith("VB") or _predicate_conjunct(verb)):
        for sibling in verb.head.children:  # "Leeds broke rules by fielding ..."
            if sibling.dep_.startswith("nsubj") and sibling.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "conj":
                keep |= relative_antecedent(sibling, removed)  # "the conference, which began ... and will end"
            elif sibling.dep_.startswith("nsubj") and sibling.i < verb.i and sibling.lower_ not in RELATIVE_PRONOUNS and (
                    verb.dep_ == "conj" and verb.head.tag_.startswith("VB") or sibling.lower_ not in PERSONAL_PRONOUNS):
                keep |= _subtree(sibling, removed) - _side_parts(sibling)
    elif not has_subject and any(i > verb.i for i in keep):  # a bare "to vow" says less than the words around it
        borrowed = _controlled_subject(verb, removed)
        governor = verb.head if borrowed and verb.head.dep_ not in MODIFIER_VERB_DEPS + (RELATIVE_CLAUSE_DEP,) and (
            _past_deed(verb.head)) else None  # not a participle or relative clause's verb ("the action [it had taken]")
        # "Thailand overcame Malaysia [to win]": the governing verb says the deed happened, "Thailand to win" a plan
        if governor is not None:  # the words "X to do" would have had, for a chart label with no room (_plan_clause)
            verb.doc.user_data.setdefault(_DEEDS_KEY, {})[verb.i] = borrowed
        keep |= borrowed if governor is None else _verb_clause(governor, removed, others) | _infinitive_marks(verb)
    return _until(verb, keep, removed)


def _plan_clause(keep: set[int], trigger: Token) -> set[int] | None:
    """For an infinitive kept with the past deed it borrowed its subject from (`_verb_clause`), the clause without that
    deed's verb and phrases: the borrowed subject, the "to" and the infinitive's own words ("Thailand to win the gold
    medal"). None for any other clause."""
    borrowed = trigger.doc.user_data.get(_DEEDS_KEY, {}).get(trigger.i)
    return None if borrowed is None else keep & (ids(trigger) | borrowed)


def _past_deed(verb: Token) -> bool:
    """Whether a verb tells a past deed: its own past tense ("overcame", "fell"; also one the tagger read as a
    participle with a subject and no auxiliary, "the index rose[VBN]"), or a participle with a past auxiliary ("was
    sent", "had agreed"); not a modal's ("would go on"), a present or a present perfect ("has been")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    if any(c.tag_ == MODAL_TAG for c in auxiliaries):
        return False
    if auxiliaries:
        return verb.tag_ == PARTICIPLE_TAG and auxiliaries[0].tag_ in PAST_TAGS
    return verb.tag_ in PAST_TAGS or verb.tag_ == PARTICIPLE_TAG and has_dep(verb, "nsubj")


def _predicate_conjunct(verb: Token) -> bool:
    """A verb coordinated with a nominal predicate ("Botha was president from 1978 to 1989, and [oversaw] ...") or a
    gerund hung on one ("Iraq is stronger after [overcoming] ...") shares its subject; not when the parse may have lost the verb's own: a noun right before it ("six are in the region,
    and the deficit [totaled]"), a relative pronoun between ("a scandal which, in 1993, [forced]") or a predicate in a
    relative clause ("The accident, in which one miner is missing, [occurred]")."""
    head, doc = verb.head, verb.doc
    before = min((c.i for c in verb.children if c.dep_ in ("aux", "aux:pass", "advmod") and c.i < verb.i), default=verb.i)
    return has_dep(head, "cop") and head.dep_ != "acl:relcl" and before > 0 and not doc[before - 1].tag_.startswith(
        "NN") and not any(t.lower_ in RELATIVE_PRONOUNS and t.tag_ in RELATIVE_TAGS and t.i < verb.i for t in head.subtree)


def _controlled_subject(verb: Token, removed: set[int]) -> set[int]:
    """An infinitive without a subject of its own does what its governing verb's subject (or object) does:
    "Arsenal bounced back from two defeats [to beat] Tottenham" -> "Arsenal to beat Tottenham" (its "to" kept: the
    infinitive says what was meant, as a headline's "X to do" does), "helped [the Lakers] beat the Knicks" -> "The
    Lakers beat the Knicks" (a verb's object before it does what it says). Climbs a chain of complements and
    conjuncts to the first subject; not a relative pronoun or a personal one (no one a reader can tell), nor across
    another verb (which may be the one it belongs to). Empty otherwise."""
    marks = _infinitive_marks(verb)
    if verb.tag_ != "VB" or verb.dep_ not in ("xcomp", "advcl") or not (marks or verb.dep_ == "xcomp"):
        return set()
    head, doc = verb.head, verb.doc
    between = doc[head.i + 1:min(marks, default=verb.i)]
    if any(t.tag_.startswith("VB") and t.dep_ not in ("aux", "aux:pass", "cop") for t in between) or any(
            t.lower_ in INFINITIVE_NOUNS for t in between):
        return set()  # a verb between may govern it ("paid tribute after Arsenal bounced back to beat"), a noun own it
    objects = [c for c in head.children if c.dep_ == "obj" and c.i < verb.i]
    if verb.dep_ == "xcomp" and objects:
        return _subtree(objects[-1], removed) | marks
    before = doc[min(marks, default=verb.i) - 1]
    if objects and max(ids(objects[-1])) == before.i or before.i not in removed and any(
            c.dep_ == "case" and c.lower_ == INFINITIVE_SUBJECT_CASE for c in before.children):
        return set()  # right after the object, it may be the one to act ("expected the economy to continue"); after
        # "for", it is ("the date for the five experts to visit"; not a date: "is planned for Tuesday to discuss")
    for _ in range(_CONTROL_CLIMB):
        if has_dep(head, "neg") or any(c.lower_ in NEGATIONS for c in head.children):
            return set()  # "the fog was not expected to lift": a borrowed subject would say the opposite
        subject = next((c for c in head.children if c.dep_.startswith("nsubj") and c.i < verb.i), None)
        if subject is not None:  # not a clause the parse made a subject ("Since it is bribe money [paid] ...")
            if subject.lower_ in RELATIVE_PRONOUNS | PERSONAL_PRONOUNS or subject.i in removed or any(
                    t.dep_ in ("mark", "cop") for t in subject.subtree):
                return set()
            return (_subtree(subject, removed) - _side_parts(subject)) | marks
        if head.dep_ not in ("xcomp", "conj") or not marks:
            return set()
        head = head.head
    return set()


def _infinitive_marks(verb: Token) -> set[int]:
    return {c.i for c in verb.children if c.dep_ == "mark" and c.tag_ == INFINITIVE_TAG}


def _side_parts(noun: Token) -> set[int]:
    """A noun's appositions and relative clauses: "Fortson, a forward who ..." is Fortson."""
    return {t.i for c in noun.children if c.dep_ in ("appos", "acl:relcl", "acl") for t in c.subtree}


def _belongs(child: Token, others: set[int]) -> bool:
    """Whether a dependent is part of the clause's gist (not a side clause, date or attribution)."""
    dep = child.dep_
    if dep == "mark" and child.tag_ == "JJ":  # "are due to be announced"
        return True
    if dep == "mark" and child.tag_ == INFINITIVE_TAG and has_dep(child.head, "cop"):
        return True  # the "to" of a copula's infinitive ("the aim was [to] keep inflation low")
    if dep == "punct" and not is_punctuation(child):  # a word or number misread as punctuation ("magnitude 7.6")
        return True
    if dep == "advcl" and (_urged_to(child) or _likeness(child)):
        return True
    if dep.startswith("advcl") and _market_direction(child):  # "opened 0.04 of a point [lower] in the morning"
        return True
    if _told_clause(child):  # "The accident occurred [when a bus plunged into a ravine]"
        return True
    if dep in _NEVER or dep.startswith("advcl") or dep == "cc":
        return False
    if dep == "advmod":  # negation, a particle right after the verb ("shot down", "ran aground"), a direction, an
        # adverb quoted with its word (would "adversely affect")
        return child.lower_ in NEGATIONS or child.lower_ in BOUNDING_WORDS or _quoted_adverb(child) or (child.i == child.head.i + 1 and child.lower_ in PARTICLES) or (
            _market_direction(child)) or (
            child.lower_ in DIRECTION_ADVERBS and child.i > 0 and child.doc[child.i - 1].dep_ == "cop"
            and child.doc[child.i - 1].head.i == child.head.i)  # right after its copula ("was [down] from")
    if dep == "conj":  # a coordinated verb with its own date or subject is its own event
        return not child.tag_.startswith("VB") or not (
            any(c.dep_.startswith("nsubj") for c in child.children) or any(t in others for t in ids(child))
            or _unjoined_verb(child))
    if dep.startswith("obl") or dep == "ccomp" or dep == "parataxis":
        first = min(ids(child))
        return child.doc[first].lower_ != ACCORDING and not _attribution(child)
    return True


def _quoted_adverb(word: Token) -> bool:
    """Whether a word is an adverb quoted with the word it qualifies in a short quoted phrase (QUOTED_PHRASE_MAX words
    at most, no subject among them: would "adversely affect", "highly confident"): the speaker's own word for how, which
    cut alone says something else; a quoted clause of speech may lose its adverbs as reported speech does."""
    if word.dep_ != ADVERB_DEP or word.lower_ in PARTICLES:
        return False
    doc = word.doc
    return any(word.i in q.words and word.head.i in q.words and len(q.words) <= QUOTED_PHRASE_MAX
               and not any(doc[i].dep_.startswith(SUBJECT_DEPS) for i in q.words) for q in sentence_quotations(doc))


def _led_phrase(lead: Token) -> Token | None:
    """The phrase a preposition's first word opens when the parse hung that word apart from it ("[ahead] of a speech":
    an adverb of the verb, of the phrase's noun, or of a clause left out: "instead of resting [ahead] of the final";
    PREPOSITION_LEADS): "speech". None otherwise."""
    doc = lead.doc
    second = PREPOSITION_LEADS.get(lead.lower_)
    if second is None or lead.i + 1 >= len(doc) or doc[lead.i + 1].lower_ != second or doc[lead.i + 1].dep_ != "case":
        return None
    phrase = doc[lead.i + 1].head
    return phrase if phrase.i > lead.i + 1 else None


def _phrase_lead(phrase: Token) -> Token | None:
    """The first word of the two-word preposition opening `phrase` when the parse hung it outside the phrase (the
    reverse of `_led_phrase`)."""
    first = min(ids(phrase))
    lead = phrase.doc[first - 1] if first > 0 else None
    return lead if lead is not None and lead.i not in ids(phrase) and _led_phrase(lead) == phrase else None


def _unjoined_verb(verb: Token) -> bool:
    """Whether a verb conjunct is joined to its head by nothing but a comma, no "and" of its own or of a conjunct
    after it ("came, saw and conquered" is a list): a misparse of another clause's verb ("were working when
    explosives stored in a pit, [caught] fire"), which fused into the head's headline is no English ("were working
    caught fire"). Only after a finite head: after a bare participle the conjunct is the sentence's own verb ("One
    marine [assigned] to Regimental Combat Team 5, [died] from wounds"), nor after an aside set off by a pair of commas,
    which closes the conjunct's own subject ("the rumours grew after a Marine officer, Marine Captain Nicanor Faeldon,
    [escaped]"), unless that subject is in a side clause the headline leaves out ("The accident occurred when [the
    car], in which Abramov was riding, [collided] with a truck"). Nor a passive participle with its agent ("hosted the
    World Cup, [won] by England"), which describes the noun before it."""
    head, doc = verb.head, verb.doc
    if not (verb.i > 0 and doc[verb.i - 1].text == "," and not any(c.dep_ == "cc" for c in verb.children) and not any(
            c.dep_ == "conj" and c.i > verb.i for c in head.children) and (
            head.tag_ in FINITE_CLAUSE_TAGS or any(c.dep_ in AUXILIARY_DEPS for c in head.children))):
        return False
    aside = next((t.i for t in doc[head.i + 1:verb.i - 1] if t.text == ","), None)
    if aside is not None:  # the verb of the noun before the aside: out with that noun's side clause
        return _in_side_clause(doc[aside - 1], head)
    return not _agent_participle(verb)


def _in_side_clause(word: Token, head: Token) -> bool:
    """Whether a word lies in a side clause (an advcl) of `head`, or of a word under it: the headline leaves it out."""
    while word.i != head.i and word.head.i != word.i:
        if word.dep_.startswith("advcl"):
            return True
        word = word.head
    return False


def _agent_participle(verb: Token) -> bool:
    """A past form with nothing of a clause of its own (no subject, auxiliary or object) and its agent's "by" right
    after it ("the World Cup, [won by England]"): a reduced passive describing the noun before, whatever its tag."""
    agent = verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == AGENT_PREPOSITION and any(
        c.dep_.startswith("obl") and verb.i + 1 in ids(c) for c in verb.children)
    return agent and verb.tag_ in ("VBD", "VBN") and not any(
        c.dep_.startswith(("nsubj", "aux", "obj", "iobj", "ccomp", "xcomp")) for c in verb.children)


def _market_direction(word: Token) -> bool:
    """Whether a word is a market's direction after its verb (COMPARATIVE_DIRECTIONS): right after it ("stocks opened
    [higher]") or after the verb's measure ("opened 0.04 of a point [lower]"), what the prices did; with no clause or
    comparison hung on it ("higher [as market sentiment improved]", "higher [than at the previous close]")."""
    verb = word.head
    if word.lower_ not in COMPARATIVE_DIRECTIONS or not verb.tag_.startswith("VB") or word.i <= verb.i or any(
            not c.dep_.startswith("obl") or _case(c) in CORE_PHRASE_EXCLUDED for c in word.children):
        return False
    between = range(verb.i + 1, word.i)
    return not between or any(c.dep_.startswith(MEASURE_PHRASE_DEPS) and set(between) == ids(c) for c in verb.children)


def _likeness(clause: Token) -> bool:
    """A clause opened by "as if"/"as though" (LIKENESS_MARKS) on a verb of seeming (LIKENESS_VERBS): what the subject
    seemed or felt ("made me feel [as if I were in heaven]"), its complement; alone the verb says nothing."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    first, second = LIKENESS_MARKS
    return clause.head.lower_ in LIKENESS_VERBS and len(marks) >= 2 and marks[0] in first and marks[1] in second


def _urged_to(clause: Token) -> bool:
    """An infinitive the parse took for a purpose clause right after the verb or its object ("urged OPEC [on
    Saturday] to take measures", "vowed on Sunday to continue the fight"): it completes the verb, like an xcomp."""
    verb = clause.head
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    objects = [c for c in verb.children if c.dep_ == "obj" and c.i < clause.i]
    complements = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if mark is None or mark.tag_ != INFINITIVE_TAG or clause.tag_ != "VB" or complements or not (
            objects or verb.tag_.startswith("VB")):  # "vowed [on Sunday] to continue the fight"
        return False
    between = range(max(ids(objects[-1])) + 1 if objects else verb.i + 1, mark.i)
    return all(verb.doc[i].tag_ == PREPOSITION_TAG or verb.doc[i].ent_type_ or verb.doc[i].like_num
               or not verb.doc[i].is_alpha or verb.doc[i].dep_.startswith("obl") for i in between) and not any(
        verb.doc[i].text == "," for i in between)


def _side_phrase(child: Token, verb: Token) -> bool:
    """A phrase after the verb set off by a comma (", killing 12"), or a clause opened by 'as', 'when'..."""
    first = min(ids(child))
    if first > verb.i and first > 0 and child.doc[first - 1].text == ",":
        return True
    return child.doc[first].lower_ in SUBORDINATORS and not _likeness(child) and any(
        t.tag_.startswith("VB") for t in child.subtree if t.i != first)


def _attribution(clause: Token) -> bool:
    """'police said', 'the statement added': a clause of saying inserted in the sentence."""
    return clause.lower_ in REPORTING_VERBS and not any(c.dep_ in ("ccomp", "obj") for c in clause.children)


def _until(verb: Token, keep: set[int], removed: set[int]) -> set[int]:
    """'did not withdraw until 2011' -> 'withdrew': the happening is dated, not the waiting."""
    children = list(verb.children)
    negated = [c for c in children if c.lower_ in NEGATIONS and c.i in keep]
    did = [c for c in children if c.dep_ == "aux" and c.lower_ == PAST_AUXILIARY]
    until = any(t.lower_ in UNTIL and t.i in removed for t in verb.subtree)
    if negated and did and until and verb.tag_ == "VB":
        return (keep - {negated[0].i, did[0].i}) | {-1 - verb.i}  # a negative index: render the past form
    return keep


def _case(phrase: Token) -> str:
    """The preposition opening a phrase, lower-cased ("" for none)."""
    return next((c.lower_ for c in phrase.children if c.dep_ == "case"), "")


def _light_verb(verb: Token) -> bool:
    """A verb saying only that its subject happened (HAPPENING_VERBS, "took place": PLACE_TAKING, a bare "came":
    BARE_HAPPENING_VERBS)."""
    takes, place = PLACE_TAKING
    return verb.tag_.startswith("VB") and (verb.lower_ in HAPPENING_VERBS or verb.lower_ in takes and any(
        c.dep_ == "obj" and c.lower_ == place for c in verb.children) or _bare_coming(verb))


def _bare_coming(verb: Token) -> bool:
    """A "came" with nothing but its subject, phrases such as a date's ("on Monday", DATE_PHRASE_CASES), its relative
    word ("The summit, which came on Monday") and a past "when" clause that says what its subject was (`_coming_when`:
    "The attack came on Thursday when gunmen opened fire"): not one that says more ("came to power", "came after the
    vote", "came as talks resumed")."""
    return verb.lower_ in BARE_HAPPENING_VERBS and all(
        c.dep_ in BARE_HAPPENING_DEPS and (c.dep_ != "obl" or _case(c) in DATE_PHRASE_CASES | {""})
        or c.tag_ in RELATIVE_TAGS or _coming_when(verb, c) for c in verb.children)


def _coming_when(verb: Token, clause: Token) -> bool:
    """A past clause opened by COMING_SUBORDINATORS on "came", with a subject of its own, that is what came's subject
    was ("The goal came in the 65th minute [when Jensen's shot flew off Cahill]", "The surprise move came [when a
    lawyer tabled a motion]"). Not a present one ("The declaration came when parties are busy campaigning": a state
    it came in), nor one after a noun of saying (SAYING_NOUNS: "The statement came when X": only its time)."""
    opener = clause.doc[min(ids(clause))]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (clause.dep_ == "advcl" and opener.lower_ in COMING_SUBORDINATORS and opener.i > verb.i
            and has_dep(clause, "nsubj", "nsubj:pass") and _past_clause(clause)
            and subject is not None and subject.lower_ not in SAYING_NOUNS)


def _past_clause(verb: Token) -> bool:
    """Whether a clause's finite word (the verb, or an auxiliary or copula of it) is in the past ("flew", "was
    killed"; a participle with no auxiliary is a past the parse misread: "when his deputy resigned[VBN]")."""
    auxiliaries = [c for c in verb.children if c.dep_ in AUXILIARY_DEPS]
    return verb.tag_ in PAST_TAGS or any(c.tag_ in PAST_TAGS for c in auxiliaries) or (
        verb.tag_ == PARTICIPLE_TAG and not auxiliaries)


def _told_clause(clause: Token) -> bool:
    """A clause after a past light verb telling what happened as its event happened, opened by TELLING_SUBORDINATORS
    and with a subject of its own ("The accident occurred [when a bus plunged into a ravine]"): the news the light
    verb only places in time; a headline keeps it (`_belongs`) as it keeps a verb's complement. Not after a light verb
    to come ("will take place [when the law comes into force]": a schedule), nor a progressive clause ("when 32 miners
    were working": what was going on)."""
    verb, opener = clause.head, clause.doc[min(ids(clause))]
    return (clause.dep_ == "advcl" and _light_verb(verb) and verb.tag_ in PAST_TAGS and opener.i > verb.i
            and opener.lower_ in TELLING_SUBORDINATORS and has_dep(clause, "nsubj", "nsubj:pass")
            and not _progressive(clause))


def _progressive(verb: Token) -> bool:
    """Whether a verb is a progressive form ("were working"): what was going on, not what happened."""
    return verb.tag_ == GERUND_TAG and has_dep(verb, "aux")


def _told_words(clause: Token) -> set[int]:
    """The words that make a told clause (`_told_clause`) one: its verb, its opener and its subject; empty for any
    other clause."""
    if not _told_clause(clause):
        return set()
    return {clause.i} | {i for c in clause.children if c.i < clause.i and (
        c.dep_ in ("mark", "advmod") or c.dep_.startswith("nsubj")) for i in ids(c)}
