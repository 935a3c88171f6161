"""Saying who: the words a headline puts in place of a word that does not say who acted.

A participle set off by commas reads as its noun's passive ("Founded in 1989, APEC is" -> "APEC was founded",
"Bouteflika, born in 1937," -> "Bouteflika was born"); a possessive pronoun opening a nominal headline names the
subject it stands for ("Its inception" -> "APEC's inception"); a relative pronoun takes the noun it describes ("who"
after a name set beside a common noun describes the name); a pronoun subject of reported speech, or of a clause
joined to one naming its subject, becomes the speaker or that subject when they agree ("Tung said he was
disappointed" -> "Tung was disappointed"), unless a rival noun comes between; a quote's "I"/"we" after a verb of
saying, or before one ('"We will not leave," the minister said'), is the speaker (a quote's "his" is never the
speaker's); a present participle opening the sentence is the act of the main clause's subject ("Winning
his title on Sunday, Federer climbed ..." -> "Federer won his title", when the main clause is in the past); a
pronoun subject of a sentence's main clause stands for the sentence before's subject when it agrees and no rival
noun is there ("Gao was jailed. He maintained Tuesday ..." -> "Gao maintained ...": `earlier_subject`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.syntax import ids, is_punctuation, opening
from timeline.events.wording import participle_past, render
from timeline.lang.en.events import (
    AGENT_PREPOSITION,
    ANTECEDENT_CLAUSE_DEPS,
    AUXILIARY_PARTICIPLES,
    CLAUSE_PUNCT,
    EARLIER_PLACE_CASES,
    EARLIER_PRONOUNS,
    EARLIER_RIVAL_DEPS,
    EARLIER_SUBJECT_SKIPPED,
    FIRST_PERSON_PRONOUNS,
    FIRST_PERSON_TAGS,
    FIRST_PERSON_VERBS,
    MODAL_TAG,
    NAME_PART_DEPS,
    NAME_TAGS,
    NEUTER_POSSESSIVES,
    NOMINAL_TAG_OPENINGS,
    OF_PREPOSITION,
    ORGANISATION_PRONOUNS,
    ORGANISATION_WORDS,
    OWNER_MAX_WORDS,
    PARTICIPLE_ENDING,
    PARTICIPLE_TAG,
    PASSIVE_AUXILIARIES,
    PAST_TAGS,
    PERSON_RELATIVES,
    PERSON_TITLES,
    PERSONAL_POSSESSIVES,
    PERSONAL_PRONOUNS,
    PLURAL_POSSESSIVE,
    PLURAL_PRONOUNS,
    PLURAL_TAGS,
    POSSESSIVE_OWNER_TAGS,
    POSSESSIVE_PRONOUNS,
    PREPOSITION_PARTICIPLES,
    PRONOUN_ANTECEDENT_TAGS,
    QUOTE_DEPS,
    QUOTE_MARKS,
    REGNAL_NUMBER,
    RELATIVE_CLAUSE_DEP,
    RELATIVE_GAP_MARKS,
    RELATIVE_TAGS,
    REPORTING_VERBS,
    RIVAL_SKIPPED_DEPS,
    RIVAL_TAGS,
    SINGULAR_POSSESSIVE,
    SPEAKER_MARK,
    TIME_NOUNS,
    TITLE_SUFFIXES,
    TRADED_PRONOUN,
    TRADED_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def rewritten_words(doc: Doc, trigger: Token, keep: set[int], removed: set[int]) -> dict[int, str]:
    """Words rendered otherwise than written, so the headline says who: a fronted participle takes its subject
    ("Founded in 1989, APEC is ..." -> "APEC was founded"), a possessive pronoun opening a nominal headline
    names its owner ("Since its inception in 1989, APEC ..." -> "APEC's inception")."""
    texts: dict[int, str] = {}
    subject = participle_subject(doc, trigger, removed)
    actor = fronted_actor(doc, trigger, removed)
    if subject is not None and trigger.i in keep and not set(subject) & keep:
        texts[trigger.i] = _passive(doc, subject, trigger)
    elif actor and trigger.i in keep and not actor & keep and _past(trigger.head):
        # "Winning his title on Sunday, Federer beat Nadal" -> "Federer won his title" (the main clause is past)
        texts[trigger.i] = f"{_as_subject(doc, actor)} {participle_past(trigger.lower_)}"
    elif _described_participle(trigger, keep):  # "Bouteflika, born in March 1937" -> "Bouteflika was born"
        plural = trigger.head.tag_ in PLURAL_TAGS
        texts[trigger.i] = f"{PASSIVE_AUXILIARIES[plural]} {trigger.text}"
    texts |= _quoted_speakers(doc, keep, removed)
    words = sorted(i for i in keep if i >= 0)
    first = doc[words[0]] if words else None
    if first is not None and first.lower_ in POSSESSIVE_PRONOUNS and first.dep_ == "nmod:poss" and (
            first.head.tag_ not in NAME_TAGS):  # "His Excellency" is a title
        owner = _owner(first, removed)
        if owner and not owner & keep:
            texts[first.i] = _possessive(doc, owner)
    return texts


def _quoted_speakers(doc: Doc, keep: set[int], removed: set[int]) -> dict[int, str]:
    """A quote's "I"/"we" subject rendered as its speaker named after the quote ('"We will not leave," the minister
    said' -> "The minister will not leave"); `sayer_for` says when. Opening a headline with a verb only "I"/"we"
    takes ("I object", "We believe"), it is attributed as a news headline does ("Gonzalez: I object to the legal
    moves"): a reader needs who spoke, and the quote's words stay as said; not when the speaker is unclear
    (`quote_speaker`) or already in the headline."""
    texts = {}
    first = min((i for i in keep if i >= 0), default=None)
    for i in keep:
        if i >= 0 and doc[i].lower_ in FIRST_PERSON_PRONOUNS and doc[i].dep_.startswith("nsubj"):
            sayer = sayer_for(doc[i], doc[i].head, removed)
            if sayer and min(sayer) > i:
                texts[i] = _as_subject(doc, {j for j in sayer if not doc[j].is_punct})
            elif i == first and (speaker := quote_speaker(doc[i], doc[i].head, removed)) and not speaker & keep:
                name = _as_subject(doc, {j for j in speaker if not doc[j].is_punct})
                texts[i] = f"{name}{SPEAKER_MARK} {doc[i].text[:1].upper()}{doc[i].text[1:]}"
    return texts


def quote_speaker(pronoun: Token, verb: Token, removed: set[int] = frozenset()) -> set[int] | None:
    """Who said a quote whose subject is "I"/"we", when that is clear: the noun subject (not a pronoun) of the verb of
    saying the quote is set off from (`saying_of`: '"We believe ...," Babacan told a news conference', '"I object
    ...," Gonzalez said in the letter'), without its asides and dates; a name by its last word. None otherwise (a
    quote running on from an earlier sentence, "he said")."""
    speaking = saying_of(verb)
    if pronoun.lower_ not in FIRST_PERSON_PRONOUNS or speaking is None:
        return None
    return attribution(speaking, removed)


def attribution(speaking: Token, removed: set[int] = frozenset()) -> set[int] | None:
    """The words that attribute what a verb of saying reports, as headlines do: its noun subject (not a pronoun),
    a name by its last word ("[Finance Minister Andrej] Bajuk"), a common noun's phrase by its own words (at most
    OWNER_MAX_WORDS, without asides and dates: "the finance ministry"). None when it has no such subject."""
    sayer = next((c for c in speaking.children if c.dep_ == "nsubj" and c.tag_.startswith("NN")), None)
    if sayer is None:
        return None
    if sayer.tag_ in NAME_TAGS and not any(c.dep_ == "det" for c in sayer.children):
        # a person by surname, as headlines attribute ("[Finance Minister Andrej] Bajuk"); a name with an article is
        # no person's ("The Philippines", "The U.S. Immigration and Naturalization Service"): its own words
        last = max([sayer.i, *(c.i for c in sayer.children if c.dep_ in NAME_PART_DEPS and c.tag_ in NAME_TAGS
                               and c.i > sayer.i)])
        # not a title the parse made the subject ("UN Assistant Secretary [General] for ... Jane Holl Lute"), nor an
        # organisation's last word ("The U.S. Immigration and Naturalization [Service]")
        if _title_or_body(speaking.doc[last]):
            return None
        # a regnal number is no surname: "[King] Abdullah II", not "II"
        return {last - 1, last} if REGNAL_NUMBER.fullmatch(speaking.doc[last].text) and last > 0 else {last}
    words = _own_words(sayer, removed)
    return words if len(words) <= OWNER_MAX_WORDS else None


def _title_or_body(word: Token) -> bool:
    """Whether a name's last word is a person's title or an organisation's word, which names no one alone."""
    return word.lower_ in PERSON_TITLES or word.lower_ in TITLE_SUFFIXES or word.lower_ in ORGANISATION_WORDS


def _own_words(noun: Token, removed: set[int]) -> set[int]:
    """A noun phrase's words without its asides, clauses and conjuncts, and without the dates left out."""
    skip = {t.i for c in noun.children if c.dep_ in ("appos", "acl:relcl", "acl", "punct", "cc", "conj")
            for t in c.subtree}
    return {t.i for t in noun.subtree if t.i not in skip and t.i not in removed}


def _as_subject(doc: Doc, words: set[int]) -> str:
    """A noun phrase said where a pronoun or a participle stood: its words, an opening determiner in lower case
    ("the minister", not "The minister" mid-headline; the headline's own first capital comes later)."""
    text = render(doc, words)
    return text[:1].lower() + text[1:] if doc[min(words)].tag_ == "DT" else text


def participle_subject(doc: Doc, verb: Token, removed: set[int]) -> list[int] | None:
    """The noun phrase a participle set off by commas describes, when the participle has no subject of its own:
    "Founded in 1989, APEC is ..." and "APEC, established in 1989, is ..." (APEC); None otherwise."""
    if verb.tag_ != "VBN" or verb.lower_ in PREPOSITION_PARTICIPLES or any(
            c.dep_.startswith("nsubj") for c in verb.children):
        return None
    if opening(doc, removed) == verb.i:  # fronted: the words after its comma, up to the main verb
        comma = next((t.i for t in doc[verb.i + 1:] if t.text == ","), None)
        if comma is None:
            return None
        end = next((t.i for t in doc[comma + 1:] if t.tag_.startswith("VB") or t.tag_ == MODAL_TAG
                    or t.text in CLAUSE_PUNCT), len(doc))
        segment = list(range(comma + 1, end))
    elif verb.i > 1 and doc[verb.i - 1].text == ",":  # inserted: the words before its comma, from a clause break
        start = verb.i - 1
        while start > 0 and doc[start - 1].text not in CLAUSE_PUNCT and not doc[start - 1].tag_.startswith("VB"):
            start -= 1
        segment = [i for i in range(start, verb.i - 1) if i not in removed]
        if start != opening(doc, removed) or not _closed_by_comma(doc, verb):
            return None
    else:
        return None
    # a bare noun phrase (a capitalised word counts: "APEC," opening a sentence is misread as an interjection)
    if not segment or not all(doc[i].tag_.startswith(NOMINAL_TAG_OPENINGS) or doc[i].text[:1].isupper()
                              for i in segment) or not any(doc[i].tag_.startswith(("NN", "PRP"))
                                                           or doc[i].text[:1].isupper() for i in segment):
        return None
    return segment


def fronted_actor(doc: Doc, verb: Token, removed: set[int]) -> set[int]:
    """The subject of the main clause, for a present participle opening the sentence without a subject of its own and
    set off by a comma before that subject ("Winning his 11th title, Federer beat Nadal": Federer). The parse may read
    the participle as an adverbial clause or as a second subject, and then may hang the name on the participle's
    phrase: the bare noun phrase between its last comma and the main verb is the subject then. Its words without
    side parts; empty otherwise."""
    head = verb.head
    if verb.tag_ != "VBG" or not verb.lower_.endswith(PARTICIPLE_ENDING) or verb.lower_ in AUXILIARY_PARTICIPLES | (
            PREPOSITION_PARTICIPLES) or (
            verb.dep_ not in ("advcl", "csubj") or opening(doc, removed) != verb.i or head.i < verb.i):
        return set()
    if any(c.dep_.startswith("nsubj") for c in verb.children):
        return set()
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i > verb.i), None)
    if subject is not None:
        words = {t.i for t in subject.subtree if t.i not in removed} - _side_words(subject)
        comma = min(words, default=0) - 1
    elif verb.dep_ == "csubj":  # "Winning his title on Sunday, Federer[appos of Sunday] climbed"
        comma = max((t.i for t in doc[verb.i:head.i] if t.text == ","), default=0)
        words = set(range(comma + 1, head.i)) - removed
        if not all(doc[i].tag_.startswith(NOMINAL_TAG_OPENINGS) for i in words) or not any(
                doc[i].tag_.startswith(("NN", "PRP")) for i in words):
            return set()
    else:
        return set()
    phrase = ids(verb) | removed
    if not words or doc[comma].text != "," or any(i not in phrase and not doc[i].is_punct for i in range(verb.i, comma)):
        return set()  # the participle's phrase must reach the comma that sets it off from its subject
    return words if len(words) <= OWNER_MAX_WORDS else set()


def _past(verb: Token) -> bool:
    """Whether a clause is in the past: a past verb or auxiliary, or a participle with no auxiliary at all (a past
    tense the tagger read as a participle: "the minister warned[VBN]")."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith(("aux", "cop"))]
    return verb.tag_ in PAST_TAGS or any(c.tag_ in PAST_TAGS for c in auxiliaries) or (
        verb.tag_ == PARTICIPLE_TAG and not auxiliaries)


def _side_words(noun: Token) -> set[int]:
    """A noun's appositions, relative clauses and punctuation: "Federer, the world number one," is Federer."""
    return {t.i for c in noun.children if c.dep_ in ("appos", "acl:relcl", "acl", "punct") for t in c.subtree}


def _described_participle(verb: Token, keep: set[int]) -> bool:
    """A participle describing the noun kept before it, with no auxiliary of its own ("The Visiting Forces
    Agreement signed by the United States"): the headline reads it as that noun's passive."""
    noun, doc = verb.head, verb.doc
    # set off by a comma, or with its agent: a past tense misread as a participle ("pressure mounted") is neither
    passive = (doc[verb.i - 1].text == "," and _closed_by_comma(doc, verb)) or any(
        c.dep_ == "obl" and any(g.dep_ == "case" and g.lower_ == AGENT_PREPOSITION for g in c.children)
        for c in verb.children)
    objects = any(c.dep_ in ("obj", "ccomp", "xcomp", "iobj") for c in verb.children)  # "X, announced that"
    return (verb.tag_ == "VBN" and verb.dep_ == "acl" and noun.i in keep and noun.i < verb.i and passive
            and not objects
            and noun.tag_.startswith("NN") and verb.lower_ not in PREPOSITION_PARTICIPLES
            and not any(c.dep_.startswith("aux") for c in verb.children))


def _closed_by_comma(doc: Doc, verb: Token) -> bool:
    """Whether an inserted participle's phrase ends with a comma before the sentence goes on ("APEC,
    established in 1989, is")."""
    last = max(ids(verb) - {verb.head.i} if verb.head.i > verb.i else ids(verb))
    following = doc[last + 1] if last + 1 < len(doc) else None
    return following is not None and following.text == "," or doc[last].text == ","


def _passive(doc: Doc, subject: list[int], participle: Token) -> str:
    """'APEC' + 'founded' -> 'APEC was founded' (were for a plural subject)."""
    words = render(doc, set(subject))
    head = next((doc[i] for i in subject if doc[i].head.i not in subject or doc[i].head.i == i), doc[subject[-1]])
    plural = head.tag_ in PLURAL_TAGS or any(doc[i].tag_ == "CC" for i in subject)
    verb = participle.text if participle.tag_ in NAME_TAGS else participle.text.lower()
    return f"{words[:1].lower() if doc[subject[0]].tag_ == 'DT' else words[:1]}{words[1:]} " \
           f"{PASSIVE_AUXILIARIES[plural]} {verb}"


def _owner(pronoun: Token, removed: set[int]) -> set[int]:
    """The words of the named owner a possessive pronoun stands for: the subject of the nearest clause above it
    ("Lhamo Cering has failed to find a job since her graduation", "Since its inception in 1989, APEC has
    become"), when that agrees with it. Empty when it does not or is a pronoun itself."""
    owned = pronoun.head
    below = owned
    for clause in owned.ancestors:
        if below.dep_ in QUOTE_DEPS and clause.lower_ in REPORTING_VERBS and clause.i > pronoun.i and (
                pronoun.lower_ in PERSONAL_POSSESSIVES):  # a quote's "his" is not its speaker's (who says "my")
            return set()
        below = clause
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None or pronoun in subject.subtree or subject.lower_ == owned.lower_:
            continue  # "Kohl's decision would not affect its decision": not the decision's own decision
        return _owner_words(subject, pronoun, removed)
    return set()


def _owner_words(subject: Token, pronoun: Token, removed: set[int]) -> set[int]:
    """The words of a subject that may own what a possessive pronoun owns: a short noun phrase agreeing with it
    ("his": a name, "its": a singular noun or name, "their": a plural); empty otherwise."""
    if subject.tag_ not in POSSESSIVE_OWNER_TAGS[pronoun.lower_]:
        return set()
    if pronoun.lower_ in NEUTER_POSSESSIVES and any(c.dep_ == "flat" for c in subject.children):
        return set()  # a person's name ("Samuel Bodman") is not what "its" stands for
    words = _own_words(subject, removed)
    doc = subject.doc
    nominal = all(doc[i].tag_.startswith(NOMINAL_TAG_OPENINGS) or doc[i].is_punct for i in words)
    return words if nominal and len(words) <= OWNER_MAX_WORDS else set()


def _possessive(doc: Doc, owner: set[int]) -> str:
    """'APEC' -> "APEC's", 'the rebels' -> "the rebels'"."""
    words = render(doc, owner)
    last = doc[max(owner)]
    if last.tag_ == "POS":
        return words
    plural = last.tag_ in PLURAL_TAGS and last.lower_.endswith("s")
    return words + (PLURAL_POSSESSIVE if plural else SINGULAR_POSSESSIVE)


def antecedent(relative_verb: Token, removed: set[int]) -> set[int]:
    """The noun phrase a relative clause describes, without that clause (it takes the pronoun's place)."""
    noun = relative_verb.head
    own = ids(relative_verb)
    name = _name_beside(relative_verb, noun)
    if name is not None:  # "the start of the war, Colonel John Reed, who died": Reed died, not the war
        return {t.i for t in name.subtree if t.i not in removed and not is_punctuation(t)} - own
    person = _person_above(relative_verb, noun)
    if person is not None:  # the name's own words, not its apposition nor its preposition
        return {t.i for c in person.children if c.dep_ in NAME_PART_DEPS for t in c.subtree} - removed | {person.i}
    if noun.dep_ == "conj" and relative_verb.dep_ == "acl:relcl":  # "two soldiers and one hostage who died"
        noun = noun.head
    return _described(noun, own, removed, relative_verb.dep_ == "acl:relcl")


def relative_antecedent(pronoun: Token, removed: set[int]) -> set[int]:
    """The noun phrase a relative pronoun subject stands for: the antecedent of its clause when the parse made the
    clause a relative one (acl:relcl); otherwise (the clause misread as a ccomp, an amod, a parataxis: "a standoff
    [that has claimed] ...") the noun right before the pronoun, across a comma, dash or quotation mark, and its words
    before the pronoun, as `antecedent` takes them ('Israel was a "tumour" that should be moved': Israel). Empty when
    no noun stands there ("asked who had won"), or it is a date's."""
    verb = pronoun.head
    if verb.dep_ == RELATIVE_CLAUSE_DEP:
        return antecedent(verb, removed)
    if pronoun.tag_ not in RELATIVE_TAGS or any(c.dep_.startswith("nsubj") and c.i != pronoun.i for c in verb.children):
        return set()  # 'told Iraqiya [that] since Thursday the building has been shelled': a conjunction
    doc, before = pronoun.doc, pronoun.i - 1
    while before >= 0 and doc[before].text in RELATIVE_GAP_MARKS:
        before -= 1
    # not a stretch of time ("kept below 5 percent in recent [years], which was 3.6 percent": the rate was)
    if before < 0 or before in removed or not doc[before].tag_.startswith("NN") or doc[before].lower_ in TIME_NOUNS:
        return set()
    noun = doc[before].head if doc[before].dep_ == "conj" else doc[before]  # "the US and China, which have"
    return {i for i in _described(noun, ids(verb), removed, True) if i < pronoun.i}


def _described(noun: Token, own: set[int], removed: set[int], relative: bool) -> set[int]:
    """The words of a noun a clause describes, without `own` (the clause's words) nor the noun's own clause parts: the
    subject of a nominal predicate for a relative clause ("The G20 is a forum which met": the G20 met)."""
    children = list(noun.children)
    if any(c.dep_ == "cop" for c in children):  # "The G20 is a forum which met": the G20 met
        subject = next((c for c in children if c.dep_.startswith("nsubj")), None)
        # also a verb the parse hung on a date ("X was on Saturday expelled": "Saturday" as the root)
        if (relative or noun.i in removed) and subject is not None and (
                subject.lower_ not in PERSONAL_PRONOUNS):
            verbs = {c.i for c in children if c.dep_ in ("cop", "aux", "aux:pass") and noun.i in removed}
            return {t.i for t in subject.subtree if t.i not in removed} | verbs
    clause = ("case", "appos", "punct", "nsubj", "nsubj:pass", "cop", "expl", "aux", "advmod", "mark", "parataxis")
    skip = own | {t.i for c in children if c.dep_ in clause and c.i not in own for t in c.subtree}
    return {t.i for t in noun.subtree if t.i not in skip and t.i not in removed}


def person_before(pronoun: Token, removed: set[int]) -> set[int]:
    """The noun right before ", who" when the parse gave the clause no person to describe: hung on a verb as a
    relative on a whole clause ("the first in six weeks for Federer, who has clinched" -> "Federer"), on a time
    noun ("a month for Federer, who had won" -> "Federer", not "a month"), or on no noun at all; a common noun
    after a preposition gives the phrase it is part of ("analysts at the bank, who" -> the analysts), a name is the
    person ("the office of President Sharma, who urged" -> "Sharma"). A "who" names a
    person, never a clause or a stretch of time. Empty otherwise (the parse's own antecedent stands)."""
    verb, doc = pronoun.head, pronoun.doc
    if pronoun.lower_ not in PERSON_RELATIVES or pronoun.i < 2 or doc[pronoun.i - 1].text != ",":
        return set()
    noun = doc[pronoun.i - 2]
    if not noun.tag_.startswith("NN") or noun.lower_ in TIME_NOUNS:
        return set()
    if verb.dep_ == "acl:relcl" and verb.head.lower_ not in TIME_NOUNS:
        return set()
    if noun.tag_ not in NAME_TAGS and noun.dep_ in ("nmod", "obl") and noun.head.tag_.startswith("NN") and (
            noun.head.lower_ not in TIME_NOUNS):
        noun = noun.head  # "analysts at the bank, who": the analysts (but "a successor to Bolton, who": Bolton)
    return {t.i for t in noun.subtree if t.i < pronoun.i - 1 and not (t.head == noun and t.dep_ in ("case", "mark"))
            and t.i not in removed and not is_punctuation(t)}


def _name_beside(relative_verb: Token, noun: Token) -> Token | None:
    """The name right before a person's relative pronoun ("..., Colonel John Reed, who died") when the parse hung
    the relative clause on a common noun the name is set beside (its apposition or coordinated word)."""
    pronoun = next((c for c in relative_verb.children if c.lower_ in PERSON_RELATIVES and c.dep_.startswith("nsubj")),
                   None)
    if pronoun is None or noun.tag_ in NAME_TAGS or pronoun.i < 2:
        return None
    before = noun.doc[pronoun.i - 1]
    before = noun.doc[pronoun.i - 2] if before.text == "," else before
    while before.dep_ in ("flat", "compound") and before.head.tag_ in NAME_TAGS and before.head.i != before.i:
        before = before.head
    if before.tag_ in NAME_TAGS and before.dep_ in ("appos", "conj") and before.head.i == noun.i:
        return before
    return None


def _person_above(relative_verb: Token, noun: Token) -> Token | None:
    """The named person a "who" clause describes when the parse hung it on the object of an of-phrase that names no
    person ("Facchetti, former skipper of the Italian national team, who died": Facchetti died, not the team): the
    phrase's head is that name, or set beside it as an apposition. A person's title or a person's name stays the
    antecedent ("the son of the president, who"); so does an of-phrase on a head that names no one ("a friend of the
    family, who")."""
    pronoun = next((c for c in relative_verb.children if c.lower_ in PERSON_RELATIVES and c.dep_.startswith("nsubj")),
                   None)
    head = noun.head
    if pronoun is None or noun.dep_ != "nmod" or not head.tag_.startswith("NN") or not any(
            c.dep_ == "case" and c.lower_ == OF_PREPOSITION for c in noun.children):
        return None
    if noun.lower_ in PERSON_TITLES or noun.tag_ in NAME_TAGS and noun.lower_ not in ORGANISATION_WORDS:
        return None
    if head.tag_ in NAME_TAGS:  # "Smith of the Daily Telegraph, who"
        return head
    if head.dep_ == "appos" and head.head.tag_ in NAME_TAGS:
        return head.head
    doc, start = noun.doc, head.i  # a name, a comma, then the phrase: an apposition the parse hung apart
    while start > 0 and not is_punctuation(doc[start - 1]) and head in doc[start - 1].ancestors:
        start -= 1  # the phrase's own words before its noun ("[the] founder", "[former] skipper")
    if start < 2 or doc[start - 1].text != "," or doc[start - 2].tag_ not in NAME_TAGS:
        return None
    name = doc[start - 2]
    while name.dep_ in ("flat", "compound") and name.head.tag_ in NAME_TAGS:  # the name's head word ("John [Baker]")
        name = name.head
    return name


def sayer_for(pronoun: Token, verb: Token, removed: set[int] = frozenset()) -> set[int] | None:
    """The named subject a pronoun subject stands for, when that is safe: the clause is what a verb of saying
    reports, or a clause joined to one (ANTECEDENT_CLAUSE_DEPS); that clause's subject comes before the pronoun and
    agrees with it ("Tung Chee-hwa said he was disappointed" -> "Tung Chee-hwa was disappointed"; "the company said
    it would cut jobs"; "Sheikh Hasina was criticised ..., but she reiterated" -> "Sheikh Hasina reiterated"; "it"
    for a name only when the name is an organisation's). None otherwise."""
    said = verb.dep_ == "ccomp" and verb.head.lower_ in REPORTING_VERBS
    quote_of = saying_of(verb)  # the verb of saying of a quote ('said: "We will ..."')
    quoted = quote_of is not None
    if pronoun.lower_ in FIRST_PERSON_PRONOUNS and not (quoted and _third_person_form(verb)):
        return None
    if pronoun.lower_ not in PRONOUN_ANTECEDENT_TAGS or not (said or quoted or verb.dep_ in ANTECEDENT_CLAUSE_DEPS):
        return None
    said = said or quoted
    speaking = quote_of if quoted else verb.head
    # a quote before its verb of saying: its "I"/"we" is the speaker named after it, never its "he" or "it" ('"He was
    # arrested," the officer said')
    after = quoted and speaking.i > verb.i
    if after and pronoun.lower_ not in FIRST_PERSON_PRONOUNS:
        return None
    sayer = next((c for c in speaking.children if c.dep_.startswith("nsubj") and (c.i < pronoun.i or after)
                  and (said or c.dep_ != "nsubj:outer")), None)
    if sayer is None or not _agrees(pronoun, sayer):
        return None
    if any(c.dep_ == "conj" for c in sayer.children) and pronoun.lower_ not in PLURAL_PRONOUNS:
        return None
    skip = {t.i for c in sayer.children if c.dep_ in ("appos", "acl:relcl", "acl", "punct", "cc")
            or ids(c) & removed for t in c.subtree}  # nor a date the parse hung on it ("Queen Elizabeth II on Monday")
    words = {t.i for t in sayer.subtree if t.i not in skip}
    if not said and _rival(pronoun, sayer, words, removed):
        return None
    # a name stood for beyond what reported speech already took is used only when short enough to read as one
    beyond = not said or sayer.tag_ not in PRONOUN_ANTECEDENT_TAGS[pronoun.lower_]
    return None if beyond and len(words) > OWNER_MAX_WORDS else words


def opening_pronoun(doc: Doc, dated: set[int] = frozenset()) -> Token | None:
    """A personal pronoun ("He", "They", "It") subject of the sentence's main clause with no noun before it but a
    date's (`dated`: "In 1986, he was elected", "But she reaffirmed"), outside a quotation: its headline would not
    say who acted."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    pronoun = None if root is None else next((c for c in root.children if c.dep_.startswith("nsubj")
                                              and c.lower_ in EARLIER_PRONOUNS), None)
    if pronoun is not None and any(c.dep_ == "conj" for c in pronoun.children):  # "He and Arafat meet": one of two
        return None
    if pronoun is None or any(t.text in QUOTE_MARKS or t.tag_.startswith(NOMINAL_TAG_OPENINGS) and t.i not in dated
                              for t in doc[:pronoun.i]):
        return None
    return pronoun


def earlier_subject(pronoun: Token, earlier: Doc, dated: set[int] = frozenset()) -> tuple[str, str, str] | None:
    """The words of the sentence before's subject that a pronoun opening its sentence as subject stands for ("Saeb
    Erekat arrived in Cairo on Monday. He met ..." -> "Saeb Erekat met ..."): the main clause's subject there, when it
    agrees with the pronoun (`_agrees`: "it" only for a name or noun holding an organisation's word) and no other
    noun of that sentence could be meant (EARLIER_RIVAL_DEPS of the pronoun's RIVAL_TAGS, not a place or a date, its
    words `dated`: "Olmert met Abbas in Jerusalem. He said" has two names: None). Its words as `sayer_for` takes them; a longer
    subject than OWNER_MAX_WORDS its name's own words or None. Given three times: as written, for a chart label without
    a person's title before the name ("[Foreign Minister] Carlos Mendes"), and at its shortest for a label the name
    leaves no room in (`_shortest`: "McCurry"; "" when there is none)."""
    root = next((t for t in earlier if t.dep_ == "ROOT"), None)
    subject = None if root is None else next((c for c in root.children if c.dep_.startswith("nsubj")), None)
    if subject is None or subject.lower_ in PERSONAL_PRONOUNS or not (_agrees(pronoun, subject) or _named(
            pronoun, subject)) or (
            pronoun.lower_ in ORGANISATION_PRONOUNS and not (_organisation(subject) or _traded(pronoun, subject))):
        return None
    plural = pronoun.lower_ in PLURAL_PRONOUNS
    own = ids(subject)
    # nouns coordinated inside the subject ("The parties in [government and rebels]"): "they" may be all of them
    if any(c.dep_ == "conj" for c in subject.children) and not plural or plural and any(
            subject.doc[i].dep_ == "conj" and subject.doc[i].head.i != subject.i
            and subject.doc[i].tag_.startswith("NN") for i in own):
        return None
    tags = RIVAL_TAGS.get(pronoun.lower_, set())
    if any(t.i not in own | dated and t.tag_ in tags and t.dep_.startswith(EARLIER_RIVAL_DEPS)
           and t.lower_ not in TIME_NOUNS and not any(c.dep_ == "case" and c.lower_ in EARLIER_PLACE_CASES for c in t.children) for t in earlier):
        return None
    # not its aside, clause, date ("[Yesterday] New York governor George Pataki") or the words the parse hung on it
    # from the clause ("[But] Elian's relatives", "[So] Saddam Hussein"); a plural's conjuncts stay ("Police and soldiers")
    skip = {t.i for c in subject.children if c.dep_ in EARLIER_SUBJECT_SKIPPED or c.dep_ == "conj" and not plural
            or c.dep_.startswith("obl") or ids(c) & dated for t in c.subtree}
    words = {t.i for t in subject.subtree if t.i not in skip}
    if _word_count(earlier, words) > OWNER_MAX_WORDS:
        words = _bare_subject(subject)
    if not words or _word_count(earlier, words) > OWNER_MAX_WORDS or any(earlier[i].lower_ in POSSESSIVE_PRONOUNS | PERSONAL_PRONOUNS
                                           or earlier[i].text in QUOTE_MARKS for i in words):
        return None
    return _three_forms(pronoun, subject, words)


def _three_forms(pronoun: Token, subject: Token, words: set[int]) -> tuple[str, str, str]:
    """A subject's words said for a pronoun as written, without a person's title before the name, and at its shortest
    (`_shortest`; "" when that is no shorter than the name): the forms `headline.headlines` takes as `stands_for`."""
    doc = subject.doc
    title = max((i for i in words if doc[i].lower_ in PERSON_TITLES and i < subject.i), default=None)
    name = words if title is None else {i for i in words if i > title}
    shortest = _shortest(pronoun, subject)
    return _as_subject(doc, words), _as_subject(doc, name), _as_subject(doc, shortest) if (
        shortest and shortest < name) else ""


def sayer_forms(pronoun: Token, verb: Token, removed: set[int] = frozenset()) -> tuple[str, str, str] | None:
    """The sayer a reported clause's pronoun subject stands for (`sayer_for`: "Norton announced that [it] was
    exploring a sale"), in the three forms of `_three_forms`; None when `sayer_for` names none."""
    words = sayer_for(pronoun, verb, removed)
    if not words:
        return None
    subject = next(verb.doc[i] for i in words if verb.doc[i].head.i not in words or verb.doc[i].head.i == i)
    return _three_forms(pronoun, subject, words)


def _shortest(pronoun: Token, subject: Token) -> set[int]:
    """The fewest words that still name the subject: a person's surname, the last word of their name ("[Spokesman
    Michael] McCurry"), for a pronoun that stands for names only; else its own words (`_bare_subject`)."""
    words = _bare_subject(subject)
    names = {i for i in words if subject.doc[i].tag_ in NAME_TAGS}
    if names and PRONOUN_ANTECEDENT_TAGS.get(pronoun.lower_, set()) <= set(NAME_TAGS):
        return {max(names)}
    return words


def _bare_subject(noun: Token) -> set[int]:
    """A long subject's own words: a name's ("[Palestinian chief negotiator] Saeb Erekat"), a common noun with its
    article ("The [local, regional and upper house] elections"), a name with an article is one ("The [18-year-old]
    Russian"); none for a singular common noun without an article of its own ("[The state's 75,000-member police]
    department": "Department saw" is no English)."""
    article = [c.i for c in noun.children if c.dep_ == "det"]
    if not article and (noun.tag_ in NAME_TAGS or any(c.dep_ == "flat" and c.tag_ in NAME_TAGS for c in noun.children)):
        return {noun.i} | {c.i for c in noun.children if c.dep_ in ("compound", "flat") and c.tag_ in NAME_TAGS}
    if not article and noun.tag_ not in PLURAL_TAGS:
        return set()
    return {noun.i, *article}  # its other words may belong to one another ("upper [house] elections")


def _word_count(doc: Doc, words: set[int]) -> int:
    """How many written words `words` make: a hyphenated word's parts and punctuation are one ("18-year-old")."""
    return sum(1 for i in words if not doc[i].is_punct and not (i > 0 and doc[i - 1].text == "-" and i - 1 in words))


def _named(pronoun: Token, noun: Token) -> bool:
    """Whether a name the tagger read in part as a common noun ("Saeb[NN] Erekat[NNP]", its words flat) agrees with
    a pronoun that stands for names."""
    return PRONOUN_ANTECEDENT_TAGS.get(pronoun.lower_, set()) <= set(NAME_TAGS) and any(
        c.dep_ == "flat" and c.tag_ in NAME_TAGS for c in noun.children)


def _traded(pronoun: Token, noun: Token) -> bool:
    """Whether "it" may stand for a noun as what a market report says moved: an index, a currency, a stock
    (TRADED_WORDS: "the Kuala Lumpur Composite [Index]", "the [dollar]"), by the noun's own word."""
    return pronoun.lower_ == TRADED_PRONOUN and noun.lower_ in TRADED_WORDS


def _organisation(noun: Token) -> bool:
    """Whether a noun phrase names an organisation by one of its words ("the airline", "Kenya Airways")."""
    return any(t.lower_ in ORGANISATION_WORDS for t in noun.subtree if t.i <= noun.i)


def _rival(pronoun: Token, subject: Token, words: set[int], removed: set[int]) -> bool:
    """Whether another noun the pronoun could stand for comes between the named subject (`words`) and it ("the
    aircraft" in "The airline told the aircraft to land and it touched down"; RIVAL_TAGS: a date, a name's inner word
    or a place after a preposition is none), or "they" may be nouns coordinated inside the subject ("relations
    between China and Portugal have developed since they forged ties"), or the subject holds a pronoun of its own
    ("its financial stability ... because it had made")."""
    tags = RIVAL_TAGS.get(pronoun.lower_, set())
    doc = pronoun.doc
    between = doc[max(words) + 1:pronoun.i] if words else []
    inside = pronoun.lower_ in PLURAL_PRONOUNS and any(doc[i].dep_ == "conj" and doc[i].head.i != subject.i
                                                        for i in words)
    owned = any(doc[i].lower_ in POSSESSIVE_PRONOUNS | PERSONAL_PRONOUNS for i in words)  # "its financial stability"
    return inside or owned or any(t.i not in removed and t.i not in words and t.lower_ not in TIME_NOUNS
                         and t.tag_ in tags and not t.dep_.startswith(RIVAL_SKIPPED_DEPS) for t in between)


def saying_of(verb: Token) -> Token | None:
    """The verb of saying of a verb's clause that gives it word for word, set off by a comma, colon or quote mark:
    its head, before it ('said: "We will ..."') or after it ('"We will not leave," the minister said'), or a saying
    the parse hung on the quote ('X said on Monday, "I will ...'" read with "said" as a side clause; '"We will not
    leave," the minister said' with "said" as the quote's side clause)."""
    head, doc = verb.head, verb.doc
    if verb.dep_ in ("parataxis", "ccomp") and head.lower_ in REPORTING_VERBS and verb.i > head.i and any(
            doc[i].text in CLAUSE_PUNCT for i in range(head.i + 1, min(ids(verb)) + 1)):  # not "told us that"
        return head
    if verb.dep_ in ("parataxis", "ccomp") and head.lower_ in REPORTING_VERBS and head.i > verb.i and _set_off(
            doc, verb, head):
        return head
    return next((c for c in verb.children if c.dep_ in ("advcl", "parataxis") and c.lower_ in REPORTING_VERBS
                 and (c.i < verb.i or _set_off(doc, verb, c)) and not any(d.dep_ in ("ccomp", "obj") for d in c.children)),
                None)


def _set_off(doc: Doc, quote: Token, saying: Token) -> bool:
    """Whether a quote ends before its verb of saying with a comma or quote mark right before the saying's own words
    ('"We will not leave," [the minister said]')."""
    own = [t.i for t in saying.subtree if t.i > quote.i and not t.is_punct and t.i not in ids(quote)]
    return bool(own) and doc[min(own) - 1].text in CLAUSE_PUNCT


def _third_person_form(verb: Token) -> bool:
    """Whether a verb of a first-person subject reads the same with a name for subject ("will raise", "raised"; not
    "am", "have", "want")."""
    words = [verb, *(c for c in verb.children if c.dep_.startswith(("aux", "cop")))]
    return not any(w.tag_ in FIRST_PERSON_TAGS or w.lower_ in FIRST_PERSON_VERBS for w in words)


def _agrees(pronoun: Token, noun: Token) -> bool:
    """Whether a pronoun may stand for a noun (PRONOUN_ANTECEDENT_TAGS); "it" for a name only when the name holds an
    organisation's word ("Kenya Airways", "the Bank of Japan")."""
    if noun.tag_ in PRONOUN_ANTECEDENT_TAGS[pronoun.lower_] or noun.tag_ in NAME_TAGS and _traded(pronoun, noun):
        return True
    return pronoun.lower_ in ORGANISATION_PRONOUNS and noun.tag_ in NAME_TAGS and any(
        t.lower_ in ORGANISATION_WORDS for t in noun.subtree if t.tag_ in NAME_TAGS)
