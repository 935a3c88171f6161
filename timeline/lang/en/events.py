"""English words the event layer (timeline/events/) knows: reporting verbs, nouns of saying, irregular pasts, ..."""

from __future__ import annotations

import re


def _forms(*lines: str) -> frozenset[str]:
    return frozenset(word for line in lines for word in line.split())


# Verbs that attribute a statement: "police said Tuesday", "the ministry announced on Monday".
REPORTING_VERBS = _forms(
    "say says said saying tell tells told telling add adds added adding report reports reported reporting",
    "announce announces announced announcing state states stated stating confirm confirms confirmed",
    "declare declares declared insist insists insisted note notes noted",
    "explain explains explained write writes wrote written quote quoted quoting",
)
# A chart label ending in one of these says who spoke, thought or showed, not what (timeline.importance.says_what):
# the verbs of saying, those of thinking, hoping and showing, and "have" without its object ("I heard", "Insee data
# showed", "The United States did not have").
CONTENT_VERBS = REPORTING_VERBS | _forms(
    "expect expects expected hope hopes hoped believe believes believed think thinks thought show shows showed shown",
    "indicate indicates indicated reveal reveals revealed hear hears heard warn warns warned predict predicts",
    "predicted fear fears feared know knows knew suggest suggests suggested have has had",
)
# A chart label that would end on a verb of saying gives its reported clause (timeline.events.headline._said_label):
# alone after a verb of saying or one that takes what it reports as true (revealed, admitted, showed: "X happened,
# police said" gives X likewise), with the sayer as an attribution ("Castro: Those concerns had been shared") after
# those and after a verb that reports what the sayer holds true (warned, believes). Not after a verb of denying,
# hoping, fearing, doubting or asking: set after the sayer's name, its clause would read as the sayer's claim ("Blair:
# The decision was politically motivated" of "Blair denied that ...").
SAID_ALONE_VERBS = REPORTING_VERBS | _forms(
    "reveal reveals revealed disclose discloses disclosed admit admits admitted acknowledge acknowledges",
    "acknowledged concede concedes conceded show shows showed",
)
ATTRIBUTED_VERBS = SAID_ALONE_VERBS | _forms(
    "warn warns warned stress stresses stressed emphasise emphasised emphasize emphasized reiterate reiterates",
    "reiterated claim claims claimed argue argues argued assert asserts asserted maintain maintains maintained",
    "predict predicts predicted estimate estimates estimated indicate indicates indicated find finds found",
    "conclude concludes concluded believe believes believed think thinks thought",
)
# A form of "be" before such a verb makes it a passive that says what happened ("The deal was announced").
PASSIVE_AUXILIARIES = _forms("is are was were be been being")
# Nouns naming the act of saying, which a date can date instead of "said": "in a joint statement".
SAYING_NOUNS = _forms(
    "statement statements communique communiqué declaration interview speech address briefing",
    "announcement report letter post tweet message press conference remarks",
)
SPEAKER_MAX_WORDS = 12  # the words of a speaker's phrase before its verb of saying ("..., regional magistrate X said")
# A fronted participle of speaking before a verb of saying ("Speaking to reporters, the minister said ..."): the
# saying is the happening.
SPEAKING_PARTICIPLES = _forms("speaking talking addressing writing testifying")
# Simple past of irregular verbs, for "did not X until ..." read as "X-ed" and a fronted participle's past (regular
# verbs take -ed).
IRREGULAR_PAST = dict(pair.split(":") for pair in (
    "withdraw:withdrew leave:left come:came go:went begin:began make:made take:took give:gave get:got "
    "become:became find:found hold:held know:knew meet:met pay:paid sell:sold send:sent speak:spoke "
    "stand:stood tell:told think:thought win:won write:wrote say:said see:saw bring:brought buy:bought "
    "build:built fall:fell feel:felt fight:fought lose:lost put:put quit:quit run:ran set:set shut:shut "
    "stop:stopped rise:rose break:broke strike:struck do:did have:had be:was"
).split())
# More irregular pasts, for rendering only (a fronted participle's past): not for comparing triggers, where "draw"
# (a match) and "drew" (another match) would be taken for one happening.
RENDERED_IRREGULAR_PAST = dict(pair.split(":") for pair in (
    "beat:beat lead:led hit:hit cut:cut keep:kept spend:spent throw:threw draw:drew drive:drove shoot:shot "
    "seek:sought choose:chose fly:flew catch:caught hear:heard lay:laid grow:grew let:let bear:bore lend:lent "
    "flee:fled steal:stole swear:swore"
).split())
# The "-ing" of a present participle, read back to its past for a fronted participle ("Winning his title, Federer
# ..." -> "Federer won his title"); the final consonants a participle doubles ("winn-ing") and its auxiliaries.
PARTICIPLE_ENDING = "ing"
UNDOUBLED_CONSONANTS = frozenset("bdgmnprt")
AUXILIARY_PARTICIPLES = _forms("being having")
PARTICIPLE_TAG = "VBN"
# Words opening a subordinate clause, left out of a headline even when the parse attaches them as a phrase.
SUBORDINATORS = _forms("as when while because although though after before since until once if unless whereas")
# Nouns of time that are never the happening a date anchors ("before dawn on Monday").
TIME_NOUNS = _forms(
    "dawn dusk daybreak nightfall night morning noon midnight evening afternoon day days week weeks month",
    "months year years weekend time times period quarter season hour hours minute minutes decade century",
)
# Participles that bound a period after its noun ("the fiscal year ending in March", "the week ended Dec. 8"): the date
# they take says which period, not a happening of its own (events/trigger.py _period_bound_verb).
PERIOD_END_PARTICIPLES = frozenset(("ending", "ended"))
# Adverbs completing a verb ("shot down", "ran aground", "walked free"): kept in a headline.
PARTICLES = _forms("down up out off away back aground ashore home free over in open apart")
# A verb's complement a shortened headline keeps as its bare noun ("made [a flying] visit [to ...]" -> "made a visit",
# "met [with a delegation from ...]" -> "met with a delegation"): the words of the noun's phrase that stay with it.
CORE_NOUN_DEPS = ("det", "case", "nummod", "nmod:poss", "flat", "fixed", "compound:prt")
# A verb's complements in the order one is kept: its object, else its infinitive or reported clause (whose own
# complement is kept in turn), else the phrase right after it.
CORE_OBJECT_DEPS = ("obj",)
CORE_CLAUSE_DEPS = ("xcomp", "ccomp")
# A phrase after the verb opened by these (or by a SUBORDINATOR: "resigned [after weeks of protests]") is no
# complement: a comparison's, a likeness's ("divided [than at any time]", "looked [like a war zone]").
CORE_PHRASE_EXCLUDED = _forms("than like compared")
# A change's starting point right after the verb gives way to the same verb's end point: where it went is the news
# ("increased from 15.6 percent [to 16.2 percent]", "rose from 3 [to 5]").
CORE_PHRASE_YIELDS = {"from": _forms("to")}
# Quotation marks as the parse gives them: a cut takes a quotation whole or leaves it whole.
QUOTE_MARKS = frozenset('" “ ” ``'.split()) | {"''"}
STRAIGHT_QUOTE = '"'  # opens and closes in turn
CLOSING_PUNCTUATION = frozenset(". : ;".split())  # words of their own that sit on the word before them
# The small words a title or a name keeps lowercase between its capitalised words ("Spring of Life", "A Day of Shame
# for the Nation", "Military Operations Other Than War"): a quoted title is whole or gone in a headline.
TITLE_SMALL_WORDS = _forms("a an the of in on at to for from by with and or")
# A quoted phrase (no subject among its words) this short is the speaker's own word for how (would "adversely affect",
# "highly confident"): its adverb is cut only with the word it qualifies (headline.prune._protected).
QUOTED_PHRASE_MAX = 4
SUBJECT_DEPS = ("nsubj", "csubj", "expl")
# Quotation marks that open and close in pairs, by kind: curly double, curly single, and old wire text's ``...'' and
# `...' (its backquotes a run of one or two: the parse splits "``" in two). A closing mark that may be an apostrophe
# ("Jones'", "Jones’") only closes an open quotation; one inside a word ("Jordan’s") is no mark.
OPENING_QUOTES = {"“": "double", "‘": "single", "`": "wire", "``": "wire"}
CLOSING_QUOTES = {"”": "double", "’": "single", "''": "wire", "'": "wire"}
APOSTROPHE_QUOTES = frozenset({"’", "'"})
CORE_CLAUSE_PARTS = ("mark", "aux", "aux:pass", "cop", "nsubj", "nsubj:pass", "expl", "compound:prt")
# A figure's direction right after a copula ("The gain was [down] slightly from 0.7 percent"): what happened to it.
DIRECTION_ADVERBS = _forms("up down")
# A market's direction right after its verb ("stocks opened [higher]", "the indexes ended [lower]"): what the prices did.
COMPARATIVE_DIRECTIONS = _forms("higher lower")
# Words and tags the headline builder reads (Penn Treebank tags: the parser's fine-grained tags).
PREPOSITION_TAG = "IN"
ADVERB_TAG = "RB"
GERUND_TAG = "VBG"
CONJUNCTION_AND = "and"  # "X and Y met": a subject's conjunct says who acted
# Words that take a pair ("between Israel and Hezbollah", "both in Paris and in Rome"): without the "and" they are
# no English ("The war between Israel"); the preconjunctions' relation, as the parse names it.
PAIR_PREPOSITIONS = _forms("between")
PAIR_PRECONJUNCTIONS = _forms("both either neither")
PRECONJUNCTION_DEP = "cc:preconj"
# A verb's phrase of where to, right after it ("went [into space]"): shortening keeps it over a subject's conjunct.
GOAL_PREPOSITIONS = _forms("to into onto toward towards for")
# Nouns that make a preposition of their phrase with "of" after them ("on the back [of three withdrawals]", "in the
# wake of", "on the eve of", "on behalf of"): alone they say nothing ("This comes on the back"), so shortening cuts
# the "of" phrase's noun only with them (its modifiers may go: "on the back of withdrawals").
PREPOSITION_NOUNS = _forms("back wake eve verge brink heels midst behalf spite lieu")
PREPOSITION_NOUN_CASES = _forms("on in at")  # the preposition before such a noun
PREPOSITION_NOUN_OF = "of"
# The first word of a preposition of two words and the preposition after it ("[ahead] of a speech", "[because] of
# rain"): the parse may hang the first word on the verb as an adverb; shortening cuts the two only together ("Shares
# rose of a speech" when only the adverb goes, "Shares rose ahead" when only the phrase does).
PREPOSITION_LEADS = {"ahead": "of", "because": "of", "instead": "of", "regardless": "of", "irrespective": "of",
                     "prior": "to", "due": "to", "according": "to", "owing": "to"}
QUOTED_AS = "as"  # "was quoted as saying": what was said is the saying's clause
NUMBER_TAG = "CD"  # a cardinal number: "two" in "two weeks"
# a holiday that is what its clause is about: its verb's argument ("celebrated [Eid]") or a kind ("[Passover] holidays")
HOLIDAY_ARGUMENT_DEPS = ("nsubj", "nsubj:pass")  # not "obj": a bare date after a verb is often read so ("found Thanksgiving Day")
KIND_MODIFIER_DEPS = ("compound", "amod")
COMMON_NOUN_TAGS = ("NN", "NNS")  # a common noun: where a fronted phrase may end ("In the [period] 690,000 people")
MEASURE_DEPS = (":unmarked", ":npmod")  # UD suffixes of a bare measure: "[eight days] before the vote"
SUPERLATIVE_TAGS = ("JJS", "RBS")  # "at [least]": a preposition of a fixed phrase, not of a cut one
RELATIVE_TAGS = ("WP", "WDT", "WRB")  # "with [whom]", "on [which]"
DETERMINER_TAGS = ("DT", "PDT")  # "the", "all the": may open a tagged expression yet belong to the noun after it
GAP_TAGS = ("IN", "TO", "DT", "POS")  # function words a misparse may leave out between two kept words
NAME_TAGS = ("NNP", "NNPS")  # proper nouns: the words of a name
# Shortening a headline (a chart label): the UD subtypes of these kinds are dropped as the kind ("inside a highway
# tunnel[obl:unmarked]", "[one day][obl:npmod]", "[every year][obl:tmod]"); a possessor ("Kenya's", "its") does a
# determiner's work, an agent ("by police") says who acted, a title before a name ("the former [defence minister]
# Ahmed Karim") leaves its article and adjectives behind: no options.
SHORTENING_SUBTYPE_BASES = ("obl", "nmod")
SHORTENING_KEPT_SUBTYPES = ("nmod:poss", "obl:agent", "nmod:desc")
# A bare noun on a verb ("exploded inside a highway [tunnel][obl:unmarked]"): a misparsed piece of the phrase right
# before it, cut with it.
BARE_NOUN_DEPS = ("obl:unmarked", "compound")
# Words that open a phrase (a determiner, preposition, conjunction, possessive): left before a cut with a verb or
# nothing after them, their phrase is gone ("The Stock Index [on the] closed").
PHRASE_OPENER_TAGS = ("DT", "IN", "TO", "PRP$", "CC")
# A participle of a side clause ("soldiers [wounded] in a clash"): left with nothing of its clause, it goes too.
PARTICIPLE_TAGS = ("VBN", "VBG")
DONE_TO_TAGS = ("VBN", "VBD")  # a participle after a dated thing, or one the parse read as a past ("census [carried] out")
SIDE_CLAUSE_DEPS = ("acl", "advcl")
RELATIVE_PRONOUNS = _forms("which who that whom whose")
# A person's relative pronoun ("the start of the war, Colonel X, who died"): it describes the name set beside a
# noun (apposition or coordination), not the noun the parse hung it on.
PERSON_RELATIVES = _forms("who whom")
# The preposition of a phrase naming what a person is part of ("skipper [of] the team, who died": the skipper died).
OF_PREPOSITION = "of"
NAME_PART_DEPS = ("flat", "compound", "amod", "det")  # a name's own words ("[former] [Giacinto] Facchetti")
SETTING_RELATIVES = _forms("where when")  # "a referendum [where] residents rejected ...": what happened in it
# Verbs that say only that their subject happened ("The accident occurred", "The blast took place"): the news is in the
# clause around them (a "when" clause after them, the clause a "when" of theirs times, the verb of the noun they
# describe). "take" only with its object "place".
HAPPENING_VERBS = _forms("occur occurs occurred occurring happen happens happened happening")
PLACE_TAKING = (_forms("take takes took taken taking"), "place")
# "came" says only that its subject happened when it has nothing but its subject and its date ("The summit, which
# came on Monday"); with anything else it says more ("came under fire", "came to power", "came after the vote").
BARE_HAPPENING_VERBS = _forms("come comes came coming")
BARE_HAPPENING_DEPS = ("nsubj", "aux", "punct", "obl", "obl:tmod", "obl:unmarked", "nmod:tmod", "advmod")
DATE_PHRASE_CASES = _forms("on in at")  # the prepositions of its date phrase ("on Monday", "in 2003"), or none
# A past clause these open after a bare "came" says what came's subject was ("The attack came on Thursday [when]
# gunmen opened fire"); "as"/"after" clauses are other events it came with ("came as talks resumed").
COMING_SUBORDINATORS = _forms("when")
# What opens a clause telling what happened as a light verb's event happened ("occurred [when] a bus plunged ...").
TELLING_SUBORDINATORS = _forms("when as while after")
# Verbs of saying that say only with a clause or a quote: with an object noun they are no saying ("employers [added]
# 132,000 jobs in a report"), unlike "announced a cut".
CLAUSE_SAYING_VERBS = _forms("add adds added adding say says said saying")
# "It is the first time that X": the clause on "time" is the news, the copula and its "it" say only how rare it is.
FIRST_TIME_WORD = "time"
FIRST_TIME_ORDINALS = _forms("first second third fourth fifth last")
FIRST_TIME_SUBJECTS = _forms("it this")
DATE_ADVERBS = _forms("early late earlier later")  # "late on Friday": part of the date phrase
# what joins two dates into one phrase ("in 2008 or 2009", "on Monday and Tuesday"): dropped with them; not "to",
# which may be a noun's own ("a revision Friday to December's figures")
DATE_JOINERS = _forms("and or - – —")
# what may stand between a date and its preposition ("in [early] 2003", "as [of] Sept. 30"): UD relations
DATE_LINK_DEPS = frozenset(("det", "advmod", "amod", "case", "fixed"))
PERSONAL_PRONOUNS = _forms("he she it they we i you")
INDEFINITE_ARTICLES = _forms("a an")
NEGATIONS = _forms("not n't never")
# words that bound or reverse what their head says: cut alone, the headline claims more than the sentence ("will be
# [less] severe", "[nearly] died", "[no] one was hurt"): kept as a negation is
BOUNDING_WORDS = _forms("less least fewer fewest hardly barely scarcely nearly almost no")
BOUNDING_DEPS = frozenset(("advmod", "amod", "det"))  # as a modifier only: one heading a phrase goes with it
FOCUS_ADVERBS = _forms("only just merely simply")  # "not only X but Y": no negation of the clause
PAST_AUXILIARY = "did"  # "did not withdraw until": the auxiliary dropped with the negation
UNTIL = _forms("until till")
ACCORDING = "according"  # "according to ...": attribution, never part of a headline
# Inflections stripped to compare triggers ("fired"/"fires" -> "fir"), and the regular past ending.
INFLECTION_SUFFIXES = ("ing", "ied", "ed", "es", "s")
PAST_ENDING = "ed"
# Words of 4+ letters that tell no happening apart when reports of one day are compared across triggers
# (timeline.collection.query): attribution ("local media reported") and function words.
UNTELLING_WORDS = REPORTING_VERBS | SAYING_NOUNS | _forms(
    "that this these those with will would were been being have from their they them there which what when",
    "where while about after before into over also more than then some such could should shall must",
    "local media press news agency official officials sources source here",
)
# Headline building: punctuation that ends a clause, the dash after a wire dateline ("SHANGHAI, Nov. 12
# (Xinhua) --"), and the Penn tags of a verb that needs a subject in a headline.
CLAUSE_PUNCT = frozenset(", ; : -- — – ( ) \" “ ” ``".split()) | {"''"}
DATELINE_DASHES = frozenset({"--", "—", "–"})
# A wire service's priority flag opening a story's first sentence ("URGENT: 9,007 people killed ...", "UPDATE 2-Two
# rockets ..."), written in capitals, with its number and the colon or dash after it: a heading, no headline's words.
WIRE_FLAGS = frozenset("URGENT FLASH BULLETIN ALERT UPDATE CORRECTED REFILE".split())
FLAG_MARKS = frozenset({":", "-", "--", "—", "–"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
# A pronoun subject of reported speech and the Penn tags of the speaker it may stand for: "he"/"she" a
# named person (NNP), "they" a plural, "it" a common noun ("the company said it would cut jobs").
PRONOUN_ANTECEDENT_TAGS = {"he": {"NNP"}, "she": {"NNP"}, "they": {"NNS", "NNPS"}, "it": {"NN"},
                           "i": {"NNP"}, "we": {"NN", "NNS", "NNPS"}}
# "I"/"we" opening a quote after a verb of saying are the speaker ('The company said: "We will not raise prices"'
# -> "The company will not raise prices"), unless the verb's form is the first person's own ("I am", "we have").
FIRST_PERSON_PRONOUNS = _forms("i we")
# A quote before its verb of saying ('"His femur is mending," the surgeon said'): its "his"/"her" is not the speaker's,
# who would say "my"; the relations of a quote to its verb of saying.
PERSONAL_POSSESSIVES = _forms("his her")
QUOTE_DEPS = ("ccomp", "parataxis")
FIRST_PERSON_VERBS = _forms("am")
# A quote's "I"/"we" whose verb the speaker's name cannot take is attributed as headlines do: "Gonzalez: I object".
SPEAKER_MARK = ":"
# A monarch's or pope's number after the name, no surname of its own: "[King] Abdullah II" is attributed as "Abdullah II".
REGNAL_NUMBER = re.compile(r"[IVX]+")
FIRST_PERSON_TAGS = frozenset({"VBP"})
# The same pronoun as the subject of a clause joined to the one naming it ("Sheikh Hasina was criticised ..., but on
# Monday she reiterated the charges", "Smith resigned after he lost the vote"): the UD relations of such a clause.
ANTECEDENT_CLAUSE_DEPS = frozenset({"conj", "advcl"})
# ... but only when no other noun that could be meant stands between the two: the Penn tags of such a noun per
# pronoun ("imposed a freeze on the government when it took power": "it" may be the government), and the UD
# relations of a name's inner words and of a place after a preposition ("met the envoy in Geneva, and he flew").
RIVAL_TAGS = {"he": {"NNP"}, "she": {"NNP"}, "it": {"NN", "NNP"}, "they": {"NNS", "NNPS"}}
RIVAL_SKIPPED_DEPS = ("compound", "flat", "amod", "obl")
# A pronoun opening its sentence as its subject ("He", "They") stands for the sentence before's subject when no other
# noun there could be meant (speakers.earlier_subject): the relations of nouns that could be, and the prepositions
# whose names are places or dates, not rivals ("arrived [in Cairo] [on Monday]"; "met [with Abbas]" is one).
EARLIER_PRONOUNS = _forms("he she they it")
EARLIER_RIVAL_DEPS = ("nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj")
EARLIER_PLACE_CASES = _forms("in at from to into on near outside inside across throughout")
# A subject's children said with it in the pronoun's place: not these (an aside, a clause, the clause's own "But"/"So")
EARLIER_SUBJECT_SKIPPED = ("appos", "acl:relcl", "acl", "punct", "cc", "advmod", "discourse", "mark")
# "it" (and a quoted "we") stands for a name only when the name says it is an organisation ("Kenya Airways has
# announced it will introduce ..."; never "Annan said it was important"): words that close or open such a name.
ORGANISATION_PRONOUNS = _forms("it we")
ORGANISATION_WORDS = _forms(
    "airways airlines airline bank banks corp corporation inc ltd plc co company companies group holdings motors",
    "ministry council committee commission party agency union association organization organisation fund",
    "federation bureau department institute authority board club exchange parliament congress government",
    "court army navy police office university foundation industries systems telecom petroleum oil energy",
)
# "it" opening a market report's sentence stands for the sentence before's index, currency or stock as well ("The
# Kuala Lumpur Composite Index fell 7.27 points. It opened 0.04 of a point lower"): the words such a subject ends on.
TRADED_PRONOUN = "it"
TRADED_WORDS = _forms("index average composite dollar euro yen pound sterling currency stock bourse gold market")
# Penn tags of words that cannot end a headline: a preposition, determiner, conjunction, "to", a possessive.
DANGLING_TAGS = frozenset({"IN", "DT", "CC", "TO", "PRP$", "POS", "WDT", "WP", "MD"})
# Tag openings of the words an adverb before them may modify, which it cannot end a headline without ("the newly
# [elected]", "a [highly] [contagious]"): adjectives, adverbs, participles (repair._needs_cut_word)
MODIFIED_BY_ADVERB_TAGS = ("JJ", "RB", "VBN", "VBG")
# A to-infinitive's relations when it is of purpose or a noun's ("a confession [to try]", "a force [to investigate]"),
# not the complement a verb needs ("pledged [to issue]", "is [to ask]") (repair._needs_cut_word)
SIDE_INFINITIVE_DEPS = ("acl", "advcl")
# The parse also hangs a purpose infinitive after a verb's object as the verb's complement; it is one when that object
# is a thing, not a person or name who is to do it (repair._after_thing_object)
CONTROLLED_INFINITIVE_DEP = "xcomp"
DOER_OBJECT_TAGS = frozenset({"NNP", "NNPS", "PRP"})
INFINITIVE_TAG = "TO"  # the Penn tag of infinitive "to": "the strongest storm to hit Texas"
PLURAL_PRONOUNS = _forms("they")  # a pronoun that may stand for coordinated speakers ("X and Y said they ...")
HYPHEN = "-"  # joins the parts of one written word ("al-Maliki", "re-election"), each part a token of its own
# "a" or "an" before a word, for a headline whose words between the article and its noun were left out ("an
# Irish bishop" once "17th century" is gone): by the sound the word opens with. Vowel letters that sound like a
# consonant ("a union", "a one-day", "a European"), silent "h" ("an hour"), and letters named with a vowel sound
# opening an abbreviation ("an FBI agent", "a UN envoy").
_CONSONANT_SOUND_OPENINGS = ("uni", "use", "usu", "uti", "ura", "euro", "eu", "one", "once", "ukr")
_VOWEL_SOUND_OPENINGS = ("hour", "honest", "honor", "honour", "heir")
_VOWEL_NAMED_LETTERS = "AEFHILMNORSX"


def indefinite_article(word: str) -> str:
    """'an' before a vowel sound, 'a' otherwise: indefinite_article("Irish") -> "an"."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        return "an" if word[0] in _VOWEL_NAMED_LETTERS else "a"
    lower = word.lower()
    if lower.startswith(_VOWEL_SOUND_OPENINGS):
        return "an"
    if lower.startswith(_CONSONANT_SOUND_OPENINGS):
        return "a"
    return "an" if lower[:1] in "aeiou" else "a"
# Prepositions setting a verb's happening inside a dated event noun, at the same time ("killed in a raid on
# Sunday", "opened fire at a rally on Saturday"); "after"/"before" place it at another time.
CONCURRENT_PREPOSITIONS = _forms("in at during amid")
# Occasions a verb acting on happens at ("won the May 2004 election", "contested the January poll", "missed the Nov. 4
# deadline", "conducting their Friday prayers"): a date premodifying one dates the verb, not a thing (the te3-silver
# diff of stop 32).
OCCASION_NOUNS = _forms("election elections poll polls ballot ballots vote votes referendum deadline prayers")
# Nouns of meeting that say nothing of who met ("The talks", "Discussion"): a verb with a named subject they are the
# object of, or a phrase of, says it ("North Korea pulled out of the talks").
MEETING_NOUNS = _forms("talks negotiations discussion discussions meeting meetings consultations")
# ... unless the verb or preposition only places another happening before or after the meeting ("The violence
# followed talks", "comes ahead of talks", "would be known after a meeting").
SEQUENCE_PREPOSITIONS = _forms("after before ahead since until following prior")
# Nouns an infinitive after them may complete ("his bid [to win]", "the decision last November [to withdraw]",
# "a proposal by Meshaal [to establish]"): such an infinitive is no purpose of the clause's verb, so it borrows no
# subject from it (headline.verb_clause._controlled_subject).
INFINITIVE_NOUNS = _forms("decision decisions bid bids plan plans proposal proposals move moves effort efforts attempt",
                          "attempts order orders call calls request requests agreement deal right rights chance chances",
                          "ability need way strategy promise pledge pledges threat threats offer offers invitation",
                          "permission refusal motion resolution mandate deadline time opportunity power campaign drive")
INFINITIVE_SUBJECT_CASE = "for"  # "set the date [for the five experts] to visit": the infinitive's own subject
# The prepositions of a verb's phrase right before its infinitive that make the phrase the infinitive's doer ("called
# [on officers] to join", "opened [for elections] to be held"); other phrases there say where or how much ("flew [to
# Jakarta] to attend", "raised the rate [by a quarter point] to curb inflation").
INFINITIVE_DOER_CASES = _forms("for on")
SEQUENCE_VERBS = _forms("follow follows followed following precede precedes preceded preceding")
MODAL_TAG = "MD"  # "will", "would", "can": a verb with a modal is finite and needs a subject in a headline
# A verb's auxiliaries and copula: a headline opening with one of them has lost its subject ("[The marines] have been
# subpoenaed").
AUXILIARY_DEPS = ("aux", "aux:pass", "cop")
# A clause that is what its governing verb shows or says ("records show X was found"): beside it or its complement.
REPORTED_CLAUSE_DEPS = ("ccomp", "parataxis")
# The marks that may stand between a relative pronoun and the noun it stands for when the parse hung its clause
# elsewhere ("Mogadishu, [which] was abandoned", 'the dam was a "menace" [that] should be removed').
RELATIVE_GAP_MARKS = frozenset({",", "--", "—", "–"}) | QUOTE_MARKS
# An aside set off right before an auxiliary ("The marines[, who are staying in the embassy,] have"): its closing mark
# -> the marks that may open it.
ASIDE_CLOSERS = {",": frozenset({","}), "--": frozenset({"--"}), "—": frozenset({"—"}), "–": frozenset({"–"}),
                 ")": frozenset({"("})}
# Penn tags (by opening) of the words of a bare noun phrase ("Jiang Xingchang", "the ruling party's leader")
NOMINAL_TAG_OPENINGS = ("NN", "DT", "JJ", "CD", "POS", "PRP")
# A participle set off by commas describes a noun ("Founded in 1989, APEC is ..."): the headline says "APEC was
# founded", with the auxiliary agreeing (index: plural). Participles that work as prepositions never do.
PASSIVE_AUXILIARIES = ("was", "were")
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# A verb form that agrees with a plural subject only: a subject's conjunct before it stays ("China [and Russia] have")
PLURAL_VERB_TAGS = frozenset({"VBP"})
PLURAL_VERB_FORMS = frozenset({"were"})
# A person's title before a full name ("Israeli Prime [Minister] Ehud Olmert"): a chart label too long drops it before a
# subject's conjunct or the verb's complement ("Ehud Olmert and Mahmud Abbas sparked hope"). Ranks and offices only:
# a role by relation ("Mandela's spokesman", "his lawyer") is what makes the person news, and stays.
PERSON_TITLES = _forms(
    "president vice-president premier minister chancellor secretary secretary-general king queen prince princess pope",
    "emperor sheikh emir sultan governor senator sen. congressman congresswoman representative rep. mayor chairman",
    "chairwoman chairperson leader ambassador envoy commissioner director chief judge justice prosecutor attorney",
    "gen. colonel col. lieutenant lt. captain capt. major maj. commander admiral sergeant sgt. cardinal archbishop",
    "bishop ayatollah prof. professor dr. mr. mrs. ms. coach striker midfielder defender goalkeeper",
)
# A word that is a title only right after one ("Secretary General", "Chief Executive"; "General Motors" is a name).
TITLE_SUFFIXES = _forms("general executive officer")
# The lowercase particles of a person's name between its capitalised words ("Luiz Inacio Lula [da] Silva", "Ludwig
# [van] Beethoven", "Osama [bin] Laden", "Mar [del] Plata"): the name stays whole in a headline (label._names).
# The last word of a company's or an institution's name ("Hyundai Motor Co.", "Asian Development Bank"): such a name
# is whole or gone, never cut to its last words as a person's first names may be ("[Kofi] Annan").
ORGANISATION_ENDINGS = _forms("co co. corp corp. inc inc. ltd ltd. plc llc ag sa nv group bank company corporation",
                              "holdings industries airlines airways motors motor electronics")
NAME_PARTICLES = _forms("da das de del della der des di do dos du la le van von bin ibn al el")
PREPOSITION_PARTICIPLES = _forms("compared based given provided seen considered including excluding following regarding",
                                  "concerning considering according depending starting beginning barring pending")
# A possessive pronoun opening a nominal headline ("Its inception") and the Penn tags of the named owner it may
# stand for; the owner's words are used only when short enough to read as a name.
POSSESSIVE_PRONOUNS = _forms("its his her their")
POSSESSIVE_OWNER_TAGS = {"his": {"NNP"}, "her": {"NNP"}, "its": {"NN", "NNP"}, "their": {"NNS", "NNPS"}}
OWNER_MAX_WORDS = 6
# The "that" of "said that ...": never the first word of a headline.
COMPLEMENTIZERS = _forms("that")
COMPLEMENTIZER_TAGS = frozenset({"IN", "WDT"})  # "that" as a conjunction or relative, not the demonstrative (DT)
AGENT_PREPOSITION = "by"  # "signed by the United States": the participle is a passive
# The possessive ending written after an owner's name: "APEC's", "the rebels'" (a plural ending in s).
SINGULAR_POSSESSIVE = "'s"
PLURAL_POSSESSIVE = "'"
POSSESSIVE_ENDINGS = frozenset((SINGULAR_POSSESSIVE, PLURAL_POSSESSIVE, "’s", "’"))
POSSESSIVE_TAG = "POS"  # the possessive ending's tag ("'s", "'")
OBJECT_DEP = "obj"  # a verb's direct object (parse.repair_conjunct_objects)
# A verb's own verbs an object right after them may belong to: a conjunct, a side clause ("met ..., kissing [hands]")
SIDE_VERB_DEPS = ("conj", "advcl")
# A past-tense verb the parse hung on its own subject as a modifier ("The president and the prime minister [met]",
# acl on "minister"): with no other finite verb (FINITE_CLAUSE_TAGS) it is the sentence's verb
# (parse.repair_verbless_subject); a coordination (CONJUNCT_DEP) lets a participle's tag count as a past
PAST_VERB_TAG = "VBD"
BASE_VERB_TAG = "VB"  # an irregular past with no ending ("quit", "cut") is often read as one
MODIFIER_VERB_DEPS = ("acl", "amod")
# ... or set beside the subject after a comma, the subject left as the root, when an aside parts them ("Chile, which
# helped found the organization, [quit] in 1976"; "The city, Lubumbashi, [fell] Wednesday")
PARATAXIS_DEP = "parataxis"
RELATIVE_CLAUSE_DEP = "acl:relcl"
CONJUNCT_DEP = "conj"
FINITE_CLAUSE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A label keeps a name in the subject's place before the words describing it (headline.label._subject_name): the verb's
# tags (a past participle too: the parse reads "West Ham on Monday [sacked] manager" as an adjective), and the tags of
# words that may only describe the name (adjectives and their adverbs, nouns, participles, determiners, numbers,
# possessives).
SUBJECT_NAME_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
NAME_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "NN", "NNS", "NNP", "NNPS", "VBG", "VBN", "DT", "CD", "POS",
                                "PRP$", "HYPH"})
POSSESSOR_DEP = "nmod:poss"  # a possessor's relation to what it owns
# A verb's noun arguments: a possessor misparsed as one has what it owns as a sibling argument ("rejected [the EU]['s]
# carefully prepared [constitution]").
ARGUMENT_DEPS = ("obj", "iobj", "obl", "nsubj", "nsubj:pass")
# A verb after ", but"/", and" the parse read as a modifier of its own object ("emigrated ..., but [resumed] contacts
# with China": amod on "contacts", which it hung on the first verb): the object's relations to that first verb
# (parse.repair_coordinated_verbs)
COORDINATORS = _forms("and but")
# Wire text breaks a hyphenated word with a space after its hyphen ("the newly- announced cut", "a five- year- old
# boy"); the parse reads it as one word (parse.join_split_words), but not a hyphen left hanging before a coordinator,
# which shares its second half with the next word ("pro- and anti-government", "Greek- or Turkish-owned").
SUSPENDED_HYPHEN_NEXT = _forms("and or nor")
# A slash between word characters with no space joins them into one word for the parse ("HIV/AIDS", "Nasdaq/NYSE",
# "the Sino/US talks": parse.join_split_words); the tokenizer splits it off.
SLASH = "/"
VERB_OBJECT_DEPS = ("obj", "obl", "obl:agent")
# A clause opened by these, which the parse hung on a verb as its reported clause ("said it was prepared to absorb
# refugees, [while] Australia and Canada have also said ..."), sets a fact beside the verb's clause, not inside it
# (parse.repair_contrast_clauses); "that" beside them keeps the clause reported ("said that, while ..., ...").
CONTRAST_MARKS = _forms("while whereas although though")
REPORTED_CLAUSE_DEP = "ccomp"
SIDE_CLAUSE_DEP = "advcl"
MARK_DEP = "mark"
# Verbs of saying set after what was said with their speaker after them (", said the report", ", says an official");
# the parse often reads the speaker as the verb's object or clause and the verb as a conjunct of the clause before
# (parse.repair_inverted_saying). Verbs that also take a thing for object ("announced plans") are left out.
INVERTED_SAYING = _forms("said says added adds")
SPEAKER_DEPS = ("obj", "ccomp", "iobj", "appos")
# Verbs of seeming whose "as if"/"as though" clause is their complement, not a side clause ("made me feel [as if I were
# in heaven]", "looked as though it had been bombed"): kept in a headline. LIKENESS_MARKS: the words opening it.
LIKENESS_VERBS = _forms("feel feels felt look looks looked seem seems seemed sound sounds sounded appear appears",
                        "appeared")
LIKENESS_MARKS = (_forms("as"), _forms("if though"))
# A particle (PARTICLES) the parse hung on the adverb right after it ("kicked [off] here": advmod of "here") completes
# the verb before it (parse.repair_particles; the adverb's tag is ADVERB_TAG); the particle's relation to its verb.
PARTICLE_DEP = "compound:prt"
# ... also one hung on the verb after its object ("kicked [the season] off"), but before a noun phrase (a preposition:
# "reach an agreement [over] its budget") or "to"/"from" and a number (a bound: "spewing clouds [up] to three km")
RANGE_BOUNDS = _forms("to from")
# A participle heading the sentence with a finite verb after it that has no subject of its own ("Troops [stationed] in
# Iraq since 2003 [were withdrawn]": "since" read as opening a clause whose subject is the date) is a reduced relative
# on its noun, and the finite verb the sentence's (parse.repair_reduced_relative): the relations that verb may hang by.
REDUCED_RELATIVE_VERB_DEPS = ("advcl", "parataxis", "ccomp")
COMPLEMENT_DEPS = ("obj", "iobj", "ccomp", "xcomp")  # a verb's complements: a reduced relative's passive participle has none
# A verb of saying closing the sentence after its speaker (", sources with the rescue headquarters [confirmed] on
# Monday."), which the parse hung on a noun of the speaker's phrase as its modifier (parse.repair_trailing_saying): the
# words after it (phrases of time or place) and the speaker's words before it (at most SPEAKER_MAX_WORDS).
TRAILING_SAYING_AFTER = ("obl", "obl:tmod", "obl:unmarked", "advmod", "nmod:unmarked")
# A proper noun the parse read as an adverb: the subject before a finite verb with none ("Nzambo[RB] arrived"), the
# object right after a verb with none ("visited Qingdao[advmod], a port city", its apposition read as the object)
# (parse.repair_misread_names); a name the parse made the root with the verb after it as its modifier ("Qian[JJ]
# retired[amod]"), a past ending (PAST_ENDING) telling the verb
ADVERB_DEP = "advmod"
ADVERB_ENDING = "ly"  # "Finally came the news": an adverb before an inverted verb, not its subject
# Verbs whose subject follows them after a fronted adverb ("Then came the news", "Next followed a speech", "Here is")
INVERSION_VERBS = _forms("came comes come went goes followed follows stood stands lay lies remained remains",
                         "is was are were")
MISREAD_NAME_TAGS = frozenset({"RB", "JJ", *NAME_TAGS})
# "the summit, due to conclude on Sunday": the infinitive after "due to" says what the noun before it will do; the
# parse read "due to" as the preposition (parse.repair_due_clause)
DUE_WORDS = _forms("due")
NOMINAL_DEPS = ("obl", "nmod", "obj", "nsubj", "compound")  # a word in these relations is read as a noun
NEUTER_POSSESSIVES = _forms("its")  # never a person's: "Samuel Bodman" is not what "its" stands for
# A date after a word of comparison ("up 3 percent from a year earlier", "compared with the same period last year")
# is the baseline a figure is compared with; in a present-tense clause nothing happened at it (no event).
COMPARISON_WORDS = _forms("from versus vs than")
COMPARISON_LINKS = _forms("with to")  # "compared with", "in comparison to"
COMPARISON_VERBS = _forms("compared comparison")
# Words opening a comparison set after a clause (", compared with 280,508 in 1995", ", up from 10.5 billion in 1995"):
# a headline that would open with one is only the baseline; it takes the clause the figure is compared with.
COMPARISON_OPENINGS = _forms("compared up down from than against versus")
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
PAST_TAGS = frozenset({"VBD"})
RANGE_OPENINGS = _forms("from")  # also opens a span of time ("from November 29 to December 3"): not a comparison
RANGE_ENDS = _forms("to until till through")
BASELINE_WORDS = _forms("earlier ago previous same before")  # "from a year earlier": a baseline without a figure
BASELINE_PREPOSITIONS = _forms("in of")  # a baseline date's own preposition ("up from 14 percent in 2000")
QUANTITY_COMPARISONS = _forms("than")
# A change measured since a date, in the present or present perfect ("Prices have risen 5 percent since 2010"): the
# date is its baseline, nothing happened at it (no event); the verbs of change in the forms such a clause takes.
SINCE = _forms("since")
CHANGE_VERBS = _forms(
    "rise rises risen rising fall falls fallen falling increase increases increased increasing",
    "decrease decreases decreased decreasing grow grows grown growing drop drops dropped dropping",
    "decline declines declined declining climb climbs climbed climbing double doubles doubled doubling",
    "triple triples tripled tripling gain gains gained gaining jump jumps jumped jumping surge surges surged",
    "surging soar soars soared soaring slide slides slid sliding plunge plunges plunged plunging shrink shrinks",
    "shrunk shrinking expand expands expanded expanding tumble tumbles tumbled tumbling slump slumps slumped",
    "slumping sink sinks sunk sinking halve halves halved halving",
)  # "more than 1,500 people": a quantity when a number follows
# A sentence announcing a list of news stories (a wire digest: "The following are some of the major news stories
# scheduled to be covered by Xinhua on Friday") dates the schedule, not a happening.
LIST_OPENINGS = ("following are", "following is", "the following are", "the following is", "here are")
NEWS_ITEMS = _forms("story stories news reports items")
# "is expected to dip", "is set to rise" with the verb misread as a noun after the preposition "to": the Penn tags of
# the word before "to" (a participle or adjective that takes an infinitive).
INFINITIVE_WORD = "to"
MISREAD_INFINITIVE_HEADS = frozenset({"VBN", "JJ"})
# A past participle the parse may tag as an adjective after a copula ("was wounded[JJ] in an ambush"): the
# adjective tag and the written endings of a regular or common irregular participle.
PARTICIPLE_ADJECTIVE_TAGS = frozenset({"JJ"})
PARTICIPLE_ENDINGS = ("ed", "en", "wn")
# An adjective after its noun holding a phrase of its own ("the militia loyal to X", "farmers angry about Y"):
# shortening cuts it with its phrase, never the phrase alone ("the militia loyal was killed").
POSTPOSED_ADJECTIVE_TAGS = frozenset({"JJ"})
POSTPOSED_ADJECTIVE_DEPS = frozenset({"amod", "nmod", "acl"})
# The prepositions of such a phrase ("loyal to", "angry about", "critical of"); not a place or time ("the
# basketball final[JJ] at the Games" is a noun the parse read as an adjective).
ADJECTIVE_COMPLEMENT_PREPOSITIONS = _forms("to about of for with")
