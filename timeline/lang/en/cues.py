"""English tense and direction cues: the words and contexts `timeline.anchor.tense_near` reads to
decide whether the clause around an expression speaks of the past or the future, and the
reporting verbs after which a weekday is when something was said (`tagger`).
"""

from __future__ import annotations

import re

from timeline.lang.en.words import MONTH_ABBREVIATIONS, WEEKDAYS

# Words that tell the tense of the clause around an expression (see anchor.tense_near).
FUTURE_CUES = frozenset(
    "will 'll shall won't going gonna plans plan planned planning scheduled schedule expected expects expect "
    "due set intends intend upcoming coming next would hopes hope aims aim "
    "tomorrow slated pencilled penciled payable "
    # "was likely to be announced on Monday", "is unlikely to take place Friday": like "expected to" (with "to" only)
    "likely unlikely "
    # a forecast: "was poised to win the March 28 election", as "was expected to" (with "to" only)
    "poised "
    # the present of scheduled events: "the law takes effect on 1 July", "the offer expires Friday"
    "starts begins opens resumes expires takes kicks comes runs goes heads votes plays meets visits "
    "travels flies arrives forecast".split()
)
# The plural of scheduled events ("Ministers meet Friday", "Voters go to the polls on Sunday"): future only as a
# finite verb, not after "to" ("the first to arrive Friday") or "did". Not "vote", "start", "visit", "play", "open":
# as nouns they would read "Thursday's vote was postponed" as future.
PLURAL_SCHEDULE_VERBS = frozenset("meet go resume begin travel fly arrive expire".split())
NOT_FINITE_BEFORE = re.compile(r"\b(?:to|did|didn't|does|do|not)\s$", re.I)
# Future cues that only speak of the future when "to" follows ("plans to", "due to", "set to").
FUTURE_CUES_WITH_TO = frozenset("due set going plans plan planned planning expected expects expect hopes hope "
                                "aims aim intends intend forecast likely unlikely poised".split())
# "due to" before a noun phrase gives a cause, not a plan: "pulled out due to injuries on Monday", "died from wounds
# sustained due to "enemy action" on Saturday". A plan's "to" is followed by a bare verb ("due to arrive Friday"),
# which is never a determiner, a quote, a number, a plural in -s (not -ss: "due to address") or an -ing form.
CAUSE_AFTER_DUE_TO = re.compile(
    r"\sto\s(?:(?:the|a|an|his|her|its|their|our|this|that|these|those|some|lack|bad|heavy|poor|high|low|technical|"
    r"security|health|personal|financial|safety|weather)\b|[\"“'`\d]|[a-z]*[^s\W]s\b|[a-z]+ing\b)", re.I)
DUE = "due"
# A past passive of "expect" names a coming time even without "to": "polls were expected Monday or Tuesday" (said on
# a Sunday), "Ikeda, who was expected in Lima early Thursday" (said on a Wednesday); "had been expected" is a plan in
# the past (HAD_BEFORE rules first)
EXPECTED = "expected"
EXPECTED_PASSIVE_BEFORE = re.compile(r"\b(?:was|were)\s(?:[a-z]+ly\s)?$", re.I)
PAST_CUES = frozenset(
    "said says was were had did ago last earlier told began came went made took met held gave got "
    "left saw won lost fell rose sold bought paid found kept led ran sent spoke struck thought wrote "
    "became brought caught chose drew drove fought flew grew heard hit knew meant put quit read "
    "rode rang said shot shut sought stood stole swore threw tore understood woke wore yesterday "
    "been claimed "
    # more irregular pasts ("The EU froze talks in May"); not "fed" (the Fed), "let", "set", "cut", "split" (but "it
    # cut", "he let": PAST_OR_BARE)
    "froze broke fled built spent taught sank swept slid hid hung laid lent dealt withdrew overtook arose "
    "forgave bore begun "
    # pasts of four letters the "-ed" test leaves out ("who died in September": "used", "aged", "shed" stay out),
    # and irregular pasts a story tells its past with ("underwent surgery in May", "rebels overran the town in March")
    "died sued tied vied underwent undertook overran overcame overthrew oversaw upheld withheld rebuilt felt blew "
    "shook forgot sped bled sang swam spun swung wept slept sprang strode forbade foresaw mistook misled befell "
    "outgrew overrode".split()
)
# Irregular verbs whose past is their bare form: past after "he", "she", "it" (whose present ends in -s: "it cut
# rates in March", "he cost the club a title in 2011"); after a noun they are too often nouns themselves ("the tax cut in
# March"). Not "set" or "forecast": "it set the vote for March 3", "it forecast a rebound in March" name a coming time.
PAST_OR_BARE = frozenset("cut let cost hurt spread bet bid broadcast upset shed cast".split())
SINGULAR_PRONOUN_BEFORE = re.compile(r"\b(?:he|she|it)\s$", re.I)
# ... but "forecast" right before a preposition of time, without an object, is the forecast's own time, past after
# "he", "she", "it" as those ("up from the 1.8% it forecast in March" said in December: that March, web-articles-fresh4;
# TBAQ dev and te3-silver have no such phrase)
PAST_OR_BARE_BEFORE_TIME = frozenset({"forecast"})
TIME_PREPOSITION_AFTER = re.compile(r"\s(?:in|on|at|last|earlier)\b", re.I)

WORD = re.compile(r"[A-Za-z']+")  # a token that may be a cue
# An adverb between a copula and its participle leaves it a present state or passive ("Hotels are fully booked from
# Friday to Sunday" said on a Tuesday, "the road is partly closed on Friday"), as "had been initially scheduled" is a
# past plan (HAD_BEFORE); a past copula ("were fully booked") is past.
_ADVERB = r"(?:[a-z]+ly\s)?"
# After these, an "-ed" word is an adjective or a present passive ("the scheduled talks", "we are convinced"); no
# finite verb follows "with"/"without" ("with isolated amounts of 25 inches through the weekend").
ADJECTIVE_BEFORE = re.compile(r"\b(?:(?:the|a|an|its|his|her|their|our|of|and|more|most|less|very|with|without)\s|"
                              r"(?:be|been|being|is|are|am|remains?|stays?)\s" + _ADVERB + r")$", re.I)
# ("schools will remain closed until Friday", "hotels are fully booked from Friday")
# a participle after these is no past: "will be paid", "elections are held on July 20" (a present passive), "will stay
# shut from Wednesday", "are fully booked from Friday" (a state, as after ADJECTIVE_BEFORE)
PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|to|is|are|am|remains?|stays?)\s" + _ADVERB + "$", re.I)
# nor is a bare verb after a modal that looks like a past ("airports will shut from Monday"); lower case: "in May sent"
BARE_VERB_BEFORE = re.compile(r"(?:\b(?:will|would|shall|can|could|may|might|must|should)|'ll)\s$")
IS_TO_BEFORE = re.compile(r"\b(?:is|are|was|were)\s$", re.I)  # "is to resume", "flights were to resume on Thursday"
# A headline's infinitive is its plan, the copula left out ("Lockdown to end on Thursday night", "Talks to resume
# Friday in Geneva", "Cemeteries to close Oct. 29"; modern30): on a title line (a capital first, no sentence end, at
# most 16 words), "to" after a word that is no participle nor verb of motion or change (whose "to" is a preposition:
# "sentenced to", "returns to", "rises to"), before a bare verb (no determiner, number, name, plural, -ing, -est, nor a
# noun such a "to" takes: "to life", "to power").
# (an abbreviation's point is no sentence end: "Oct. 29", "U.S."); not a line ending in a bracket, a related story's
# headline with its own date ("IRS to open filing season Jan. 30 (01/09/13)": its plan was of that date, not the page's)
TITLE_LINE = re.compile(r"[ \t]*[A-Z](?:[^\n.!?;:]|\.(?=[^\s.]|\s[a-z0-9]))*(?<![.!?:;,\"”’')])[ \t]*")
TITLE_MAX_WORDS = 16
# the words whose "to" is a preposition (a participle in -ed is one too)
NOT_HEADLINE_PLAN_BEFORE = frozenset(
    "return returns head heads go goes come comes move moves rise rises fall falls climb climbs drop drops slip slips "
    "jump jumps sink sinks soar soars slide slides surge surges plunge plunges dip dips tumble tumbles fly flies "
    "travel travels turn turns switch switches shift shifts back up due set close closer next according sent "
    "bound way path road route trip visit journey home open equal ahead access to".split())
HEADLINE_PLAN_VERB_AFTER = re.compile(
    r"\s(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|be|life|death|power|office|court|prison|jail|"
    r"record|work|school|market|safety|victory|war|peace|trial|home|bed|date|light|play|lowest|highest|new|more|less|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|him|them|us|me|you|it|top|bottom|face)\b)"
    r"[a-z]+\b(?<!ing)(?<!est)(?<![^s]s)")
WAS_BEFORE = re.compile(r"\b(?:was|were|became|been|had)\s$", re.I)
# not "'s": "Friday's closing price" is a possessive; "are not expected until Sunday" is still ahead
# a present passive dates a scheduled event when the day follows it ("is delivered on Feb. 1", "are announced Tuesday")
PRESENT_PASSIVE_AFTER = re.compile(r"\s(?:(?:on|for|until|next|this|early|late)\s|(?=[A-Z][a-z]))")
# a plan word after a short adverb too ("The return is also due Monday", "results are still expected Friday", "a
# vote is now due on Thursday"; modern30): an adverb of addition or time leaves the present plan; a progressive
# counts no adverb (IS_BEFORE_PARTICIPLE's note)
IS_BEFORE = re.compile(r"(?:\b(?:is|are|am)|'re)\s(?:not\s)?$", re.I)
# A weekday (with its part of the day) opening its clause as the subject of a present copula ('"Thursday night is a
# night to celebrate," she said', "Sunday is Mother's Day"): the coming one, as "Friday is the deadline"
# (DEADLINE_COPULA_AFTER; modern30); not "Monday is over"
WEEKDAY_SUBJECT_COPULA_AFTER = re.compile(r"\s(?:is|are)\s(?!(?:over|gone|past|done)\b)")
# A causative's participle ("can have their returns prepared free Saturday", "gets its books audited on Monday"): what
# is to be done, no past (modern30); "had their homes destroyed" keeps the past of "had"
CAUSATIVE_OBJECT_BEFORE = re.compile(r"\b(?:have|has|having|get|gets|getting)\s(?:their|his|her|its|our|your|my|the|a|an)"
                                     r"\s(?:[\w'-]+\s){1,2}$", re.I)
IS_ADVERB_BEFORE = re.compile(r"(?:\b(?:is|are|am)|'re)\s(?:not\s)?(?:also|still|now|again|already|only|once\sagain)\s$",
                              re.I)
# a participle's copula may have an adverb after it ("is partly closed on Friday"); a progressive's may not count one:
# "We're certainly hoping for a peaceful transition following the death Thursday" is no arrangement
IS_BEFORE_PARTICIPLE = re.compile(r"(?:\b(?:is|are|am|remains|stays)|'re)\s(?:not\s)?" + _ADVERB + "$", re.I)
# A state adjective after a present copula dates a coming state as a present passive does ("Polling stations are open
# on Tuesday" said on a Monday, as "the shop is closed on Tuesday"; "the bridge remains closed on Thursday"); a past
# copula keeps its past ("were open on Tuesday"), a plural weekday is a habit (a SET: "is open on Sundays"). TBAQ dev
# and te3-silver have no such state before a lone weekday.
STATE_ADJECTIVES = frozenset("open full ready available unavailable busy".split())
HAD_BEFORE = re.compile(r"\bhad\s(?:been\s)?(?:\w+ly\s)?$", re.I)  # "had been initially scheduled"
# "since March 3", "since its historic win in the January polls": a start that has happened
SINCE_BEFORE = re.compile(r"\bsince\s(?:[\w'’-]+\s){0,5}$", re.I)
COPULA_BEFORE = re.compile(r"\b(?:is|are)\s(?:on\s|at\s)?$")
# "down from 2.6% in their June projections", "up from 886 million shares Thursday": the base of a comparison is an
# earlier figure, its time has passed whatever the clause's tense (TBAQ dev: 12 of 12 after "up/down from"); not past
# a new clause or a verb of forecasting ("down from 7% and expected to reach 8% in June"). So is the base of a premium
# or a discount, an earlier price ("a 31% premium to the closing price on May 10"; TBAQ dev 1 of 1: "a 24% conversion
# premium over Thursday's closing price"). A figure may stand between "up/down" and "from" ("down 25% from its record
# close on Jan. 3", "down 4.5% from the previous Friday", "up 15% from 4 pence a year earlier": TBAQ dev 2 of 2 past)
COMPARISON_BASE_BEFORE = re.compile(
    r"\b(?:(?:up|down)\s(?:\$?\d[\d.,]*\s?(?:%\s?|percent\s|per\scent\s|points?\s|cents?\s|pence\s))?from|(?:premium|discount)\s(?:to|over|from))\s(?:(?!\b(?:and|but|while|which|that|expected|forecast|projected|to\s(?!\$?\d))\b)(?:(?<=\d)[.,](?=\d)|[^.;:,!?])){0,40}$",
    re.I)
# and a day that is the subject of a deadline's present ("Midnight Monday is the deadline", "Friday is the last day to
# register"): named by the present too, so ahead
DEADLINE_COPULA_AFTER = re.compile(r"\s(?:is|are)\s(?:the|a|its|their)\s(?:new\s|final\s|official\s)?"
                                   r"(?:deadline|cut-?off|closing\sdate|last\sday)\b", re.I)
# A modal whose verb runs on to the expression through a span's end ("the season could last well into the fall", "the
# rally could continue into the weekend", "may be delayed until the spring"): the verb it governs looks ahead, however
# past the reporting verb before it ("Officials said in June that ..."). Not a perfect ("could have lasted into"); lower
# case only ("May"). TBAQ dev has no such span after a modal; te3-silver's ("will continue through the winter", "might
# not be finalised until April") were already read ahead.
MODAL_SPAN_BEFORE = re.compile(r"\b(?:can|could|may|might|should|must|will|would|shall)\s(?!have\b)(?:[\w'%-]+\s){1,4}"
                               r"(?:into|until|till|through|by)\s$")
# A weather forecast's chance before a time in its clause ("a 60% chance of acceptable weather at launch time, improving
# to 80% on Saturday", "Forecasters said there was little chance of rain before the weekend"): a forecast speaks of
# times to come, whatever the tense of the saying (web-articles-fresh5 dev "before the weekend", read as past before;
# fresh2 dev's "80% on Saturday" was read ahead already by its "when the window opens"; TBAQ dev has no such clause,
# te3-silver none before a day: 0 of the 2,708 documents' timexes move). Only a chance of weather or a percentage:
# "ruled out any chance of armed conflict with Syria Monday" dates the ruling.
FORECAST_CHANCE_BEFORE = re.compile(
    r"\b(?:\d+(?:\.\d+)?\s?(?:%|percent|per\scent)\s(?:\w+\s)?chance|chances?\sof\s(?:\w+\s)?(?:rain|showers|snow|sleet|"
    r"hail|drizzle|storms?|thunderstorms?|frost|fog|precipitation|flooding|weather))\b", re.I)
# A plan's infinitive right before the date is the verb that governs it, whatever the clause's main verb: "the summit
# due to open on Sunday was cancelled" (said on Saturday) is tomorrow; not "had been due to expire Friday", nor a cause
# ("pulled out due to injuries on Monday", CAUSE_AFTER_DUE_TO).
PLAN_INFINITIVE_BEFORE = re.compile(
    r"(?<!\bhad\s)(?<!\bbeen\s)\b(?P<plan>due|scheduled|slated|set)\sto\s(?:[a-z]+\s){1,2}(?:on\s)?$"
    # so does a vow's deadline ("pledged to repay the loan by March"), or the day a vow names after its day of saying
    # ("vowed Friday to return on Monday"); not "threatened to attack the city on Tuesday" (the day of the threat)
    r"|(?<!\bhad\s)\b(?P<vow>vow(?:s|ed)|promis(?:es|ed)|pledg(?:es|ed)|threaten(?:s|ed))\s(?:"
    r"to\s(?:[a-z]+\s){1,4}(?:by|before|until)\s|(?:on\s)?(?-i:[A-Z][a-z]+day)\sto\s(?:[a-z]+\s){1,4}"
    r"(?:on\s|by\s|before\s|until\s)?)$"
    # a decision dated by its own day (a vote's tally may come first, a part of the day after), then what it decided
    # and when: "voted 4-3 Wednesday night to close the school in June", "agreed on Monday to raise fares in March"
    r"|\b(?P<decision>voted|decided|agreed|resolved|opted)\s(?:\d+-\d+\s)?(?:on\s)?(?-i:[A-Z][a-z]+day)"
    r"(?:\s(?:night|morning|afternoon|evening))?\sto\s(?:[\w'-]+\s){1,5}(?:on\s|by\s|before\s|until\s|in\s)?$"
)
# A noun's passive infinitive governing the date names a coming happening ("the poll, to be published in the paper
# Friday", "presidential elections to be held in May", "a motion to be debated Thursday", "told the BBC in an interview
# to be broadcast Monday": "broadcast" is a participle of its own); not after a verb it
# completes ("was to be held", "have to be delayed", "supposed to be airlifted": other rules or the verb decide), nor
# after an ordinal or "only" ("the first woman to be appointed in March": the one who was).
PASSIVE_PLAN_BEFORE = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)(?<!\bsupposed\s)(?<!\bused\s)"
    r"\bto\sbe\s(?:[a-z]+ly\s)?(?:[a-z]+(?:ed|en|wn|ld|lt|nt)|[a-z]*(?:broad|tele|web)cast)\s(?:[\w'-]+\s){0,5}$")
# A saying dated by its weekday, then "would" (the future of the saying, not of the paper): "said on Friday that it
# would announce the count on Monday" in a Tuesday paper is the Monday after that Friday, yesterday; "will" keeps the
# paper's future ("confirmed on Sunday that the striker will undergo surgery on Wednesday": the coming one). The rest
# of the sentence up to the weekday the "would" clause names is `rest`.
SAID_ON_DAY_BEFORE = re.compile(
    r"\b(?:said|told|announced|confirmed|warned|stated|indicated|reported|added)\b(?:\s[\w'-]+){0,4}?\s(?:on\s)?"
    r"(?P<weekday>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b(?P<rest>[^.;!?]*)$", re.I)
# the saying's day fronted: "On Friday, the airline announced that the route would be suspended from Monday"
SAID_ON_DAY_FRONTED = re.compile(
    r"\s*On\s(?P<weekday>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b,?(?:\s[\w'-]+){1,6}?\s"
    r"(?:said|told|announced|confirmed|warned|stated|indicated|reported|added)\b(?P<rest>[^.;!?]*)$")
FUTURE_OF_THE_SAYING = re.compile(r"\bwould\b", re.I)
FUTURE_OF_THE_PAPER = re.compile(r"\b(?:will|shall)\b|'ll\b", re.I)
ORDINAL_BEFORE_PLAN = re.compile(r"\b(?:first|second|third|last|only|latest|next)\s(?:[\w'-]+\s){0,2}$", re.I)
# A month-day dated by the verb before "on", or by the verb and its short object ("took effect on Jan. 1", "seized the
# town on January 9"), or opening a sentence ("On Jan. 9, a jet crashed"): with a past tense it has happened
# (anchor.dated_by_past_verb). Not "Series H preferred shares on Oct. 31": an -ed word before a noun is an adjective.
DATED_ON_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)On\s$|\b(?P<verb>[A-Za-z][\w'-]*)\s(?:effect\s|(?:the|a|an|its|his|"
                             r"her|their|our|them|him|it|this|that)\s(?:[\w'-]+\s){0,2})?on\s$")
# A month-day a verb of lasting bounds ("The holiday lasted seven days, from Jan. 20 to 26", "ran until Jan. 26", the
# span's second day too: "lasted nine days, from Jan. 20 to Jan. 28"): with a past tense the span is over, however near
# the coming day is (anchor.dated_by_past_verb, as "took effect on Jan. 1"); up to six words between.
PAST_SPAN_BEFORE = re.compile(r"\b(?P<verb>lasted|ran|continued|stretched)\b(?:,?\s[\w'-]+\.?){0,6}?,?\s"
                              r"(?:from|until|till|through|to)\s$")
PERFECT_BEFORE = re.compile(r"\b(?:has|have|'ve)\s(?:\w+ly\s)?$", re.I)
VERBS_SETTING_A_DATE = frozenset("called set scheduled rescheduled fixed slated planned proposed announced pencilled penciled "
                                 "postponed delayed moved".split())
# a notice that runs until a day ("issued a red flag warning through Tuesday", "declared a state of emergency until
# Friday", "imposed a curfew from Monday"): a weekday its forward preposition governs lies ahead, as after a verb that sets
# a date (the notice is news, so it is still in force); so does a warning ("forecasters warned of flash flooding through
# Thursday"; TBAQ dev has no notice or warning before a forward preposition and a day)
VERBS_OF_NOTICE = frozenset("issued declared imposed ordered posted warned".split())
CONDITIONAL = re.compile(r"\b(?:if|unless|when|whether)\b", re.I)
DEADLINE_BEFORE = re.compile(r"\b(?:until|till|to)\s$", re.I)  # "postponed to Friday" too
DEADLINE_VERB = re.compile(r"\b(?:has\suntil|have\suntil|extend(?:s|ed|ing)?|postpon(?:e[sd]?|ing)|delay(?:s|ed|ing)?|"
                           r"adjourn(?:s|ed|ing)?|defer(?:s|red|ring)?|given|gave|give[sn]?|push(?:es|ed)?\sback|"
                           r"put(?:s|ting)?\s(?:\w+\s)?off|moved?|reschedule[sd]?|brought\sforward)\b", re.I)
POSSESSIVE = "'s"  # "until Friday's meeting" names a meeting, not a deadline
# A full stop ends the clause, but not after an initial, a title or a single letter ("Daniel P. Davison", "Mr. Bush",
# "8 p.m. local time on Sunday").
_NOT_A_FULL_STOP = "".join(f"(?<!{a})" for a in (r"\b[A-Za-z]", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Co", "Inc",
                                                  "Corp", "Ltd", "Gen", "Sen", "Rep", "Gov", "Prof", "Lt", "Col"))
# "From Jan. to Oct., trade rose", "between Jan. 25 and Feb. 24": an abbreviated month's point before a comma, a small
# letter or its day's number ends no clause.
_MONTH_POINT_MID_SENTENCE = "(?!(?:" + "|".join(f"(?<=\\b{a.capitalize()})" for a in MONTH_ABBREVIATIONS) \
    + r")\.(?:,|\s+[a-z]|\s\d))"
# "will rise to No. 5 in the rankings on Monday": the point of "No." ("Nos.") before a number ends no clause.
_NUMBER_POINT = r"(?!(?<=\b[Nn]o)\.\s?\d)(?!(?<=\b[Nn]os)\.\s?\d)"
# A quoted sentence is a clause of its own ('"We will go back on Sunday," he added': "added" is not its tense);
# only a quote that closes or opens a sentence counts, not scare quotes ('an "open skies" deal in June'). A clause
# joined by ", and" or ", but" with a subject pronoun of its own tells its own tense ("found her guilty on Thursday,
# and she will be sentenced next month": "will" is not Thursday's).
CLAUSE_STOP = re.compile(_NOT_A_FULL_STOP + _MONTH_POINT_MID_SENTENCE + _NUMBER_POINT
                         + r"\.(?!\d)|[;!?\n]|\s[–—]\s|,(?:[\"”]|'')|[:,]\s(?:[\"“]|``)"
                         r"|,\s(?:and|but)\s(?=(?:he|she|it|they|we|I)\s)")

# What a participle of saying introduces after the expression is said content, with a tense of its own: "cut their price
# target on Wednesday, writing that the headset is unlikely to add much" (the cut was on Wednesday); the clause of the
# expression ends at its comma (anchor.tense_near, after the expression only)
REPORTED_CONTENT_AFTER = re.compile(r",\s(?:saying|writing|adding|arguing|warning|noting|stating|claiming|insisting|"
                                    r"explaining|predicting)\b")
# A verb phrase coordinated after the expression with a finite verb of its own ("held talks on Monday and will meet
# again", "will report on Thursday and said last week", "arrived on Monday, but is expected to leave"): the next
# conjunct tells its own tense, not the expression's (issue 16, values27); a bare verb shares the first one's
# ("will meet ministers on Friday and visit the plant"), so it does not end the clause. Only with no comma between
# the expression and the conjunction: a day set off before its verbs ("As of Monday evening, rescuers have found and
# saved 200") dates both. TBAQ dev: 9 weekdays before such a conjunct, no value moves; te3-silver: 120, one moves.
COORDINATED_VERB_AFTER = re.compile(
    r"[^,;]*?(?P<conjunct>,?\s(?:and|but)\s(?:then\s|also\s|later\s)?(?=(?:will|would|shall|'ll|is|are|was|were|has|have|had|did|does|"
    r"said|says|told|[a-z]+[^e\W]ed)\b))")
# A relative clause set off by commas (", who heads the party,"): its verbs tell its own tense only; so does a
# participle's phrase after a noun, its clause's verb after it (", priced from Dh20,": "Tickets, priced from Dh20, are
# on sale until Thursday"; not a verb after a comma: "could be held Monday, decided to remain in New York, a ... said").
# (a point between digits ends nothing: "which came into force at 12.01am on Friday,", "who won 52.3 percent,")
_ASIDE_WORDS = r"\s(?:[^,;.!?\n]|(?<=\d)\.(?=\d))*"
_VERB_AFTER_ASIDE = (r",\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|do|does|"
                     r"did|[a-z]+ed)\b")
RELATIVE_ASIDE = re.compile(r",\s(?:who|which|whose|whom)" + _ASIDE_WORDS + r"(?=,)"
                            r"|(?<=[a-z]),\s[a-z]+[^e\W]ed" + _ASIDE_WORDS + r"(?=" + _VERB_AFTER_ASIDE + ")")

# A speech tag after the expression (", it added", ", officials said") dates the saying, not what was said.
REPORTING_VERBS = frozenset("said says added adds told announced reported stated noted".split())
SPEECH_TAG_START = ","
# A past participle after the expression with "by" after it and no auxiliary before it is a noun's modifier, no verb of
# the clause for a day: "Ikeda, who was expected in Lima early Thursday accompanied by relatives" (the verb before
# dates the day); "the vote on Monday was won by" keeps its "was"
REDUCED_PASSIVE_AFTER = re.compile(r"\s+by\b")
AUXILIARY_BEFORE = re.compile(r"\b(?:am|is|are|was|were|be|been|being|has|have|had|get|gets|got)\s+$", re.I)
# "it added.", "officials said in a statement." (not "said that"); a longer place or source after a preposition too:
# "the center said in its 11 a.m. ET advisory.", "he told reporters at the White House on Tuesday."
SPEECH_TAG_END = re.compile(r"(?:\s[\w'-]+){0,3}[.,;:]|(?:\s[\w'-]+)?\s(?:in|at|on|during)\s(?:[\w'’-]+\.?\s){0,6}[\w'’-]+[.,;:]")

# Single-word cues read with their neighbours (anchor._cue_tense):
INFINITIVE = "to"  # "is to resume trading Tuesday"
PERFECT_INFINITIVE = " have "  # "was to have begun on Thursday": a plan that did not happen
AS_SOON_AS = (("soon", "early"), "as ", " as")  # "as soon as Tuesday", "as early as next week"
# "a survey found Kadima was on course to emerge as the largest party after the March 28 election", "on track to meet
# its target in June": what a forecast says is on course lies ahead of it, whatever the tense of the forecast (as
# "was expected to")
ON_COURSE = (frozenset({"course", "track"}), "on ", " to ")
AHEAD_OF = ("ahead", " of")  # "ahead of Sunday's vote": news speaks of what is coming
# "crews braced for gusts of up to 40 mph overnight", "the city is bracing for a storm on Friday": what news braces for
# is coming, whatever the tense of the bracing
BRACING = (frozenset("brace braces braced bracing".split()), " for ")
EFFECTIVE = "effective"  # "a new office, effective Feb. 1": announcements name coming dates
# A cue word that is no cue when this follows: "next to the embassy", "no earlier than Monday".
NOT_A_CUE_BEFORE = {"next": " to", "earlier": " than", "effective": " immediately"}  # "resigned, effective immediately"
# A count before a word in -s makes it a plural noun, no verb: "won by 24 runs on Sunday", "allowed two runs", "made
# three starts" (not a name's number, "Route 66 runs", nor a date's, "ended Sept. 28 reports Tuesday")
COUNT_BEFORE = re.compile(r"(?:^|\b(?-i:[a-z]+)\s)(?:\d(?:[\d,]*\d)?|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|several|many|few)\s$", re.I)
PLURAL_ENDING = "s"
# "schedule" the noun of "ahead of schedule", "on schedule", "behind schedule": how early or late a thing was done, no
# plan ("an election called a year ahead of schedule, and exit polls at 18:00 showed ..." is past)
SCHEDULE_NOUN = ("schedule", re.compile(r"\b(?:of|on|behind)\s$", re.I))
AHEAD_OF_SCHEDULE = " of schedule"  # nor is "ahead" before it
WILL_CONTRACTION = "'ll"
AFTER_BEFORE = re.compile(r"\bafter\s$", re.I)  # "after winning the title Friday": a past act, whatever the main verb
PROGRESSIVE_SUFFIX = "ing"  # "she is visiting Paris on Friday"
# Adjectives in -ing: after "is"/"are" no present progressive, so no plan for a day near them ("Six miners are missing
# after a gas blast on Monday night", "an inquiry is ongoing into Tuesday's fire"; issue 16, wiki10).
NOT_PROGRESSIVE = frozenset("missing ongoing pending outstanding lacking willing unwilling".split())
PAST_SUFFIX, NOT_PAST_SUFFIX, NOT_PAST_PREFIX = "ed", "eed", "un"  # "extended", not "need", "united"

# "the agency said Thursday": when it was said, not a time the story moves to.
REPORTED_BEFORE = re.compile(r"\b(?:said|says|told\s\w+|announced|reported|added|stated)\s(?:on\s)?$")
REPORTED_AFTER = re.compile(r"\s(?:said|says|announced|reported)\b")

# --- Days ahead: schedules, forecasts and announcements (issue 16) -----------------------------------------------
# News tells a coming event in the plain present ("Government offices close on Monday", "The festival falls on
# Sunday", "The court hears the case on Monday"): the present of these verbs is a future cue. A singular form counts
# in lower case and not after a determiner or a possessive ("the remains", "Niagara Falls"); a plural form only right
# after its plural subject ("Polls open on Sunday", "Classes start again on Monday", "Arsenal host City on Saturday";
# a British side is plural too: "his side face Hull on Sunday"),
# since as nouns or adjectives they are common ("a flying start", "kept the border open").
SCHEDULE_PRESENT_SINGULAR = frozenset("ends closes falls reopens reconvenes convenes leaves departs returns hears holds "
                                      "continues finishes concludes applies faces expects reports".split())
SCHEDULE_PRESENT_PLURAL = frozenset("close open reopen reconvene convene end start face host head leave return hold expect "
                                    "remain stay continue apply take".split())
# A plural form whose object makes it a verb ("take effect", "take office", "take place") needs no plural subject just
# before it: "New rules, which limit how long pilots can fly, take effect Jan. 1" (a relative clause between)
VERB_BY_OBJECT_AFTER = {"take": re.compile(r"\s(?:effect|office|place)\b")}
NOT_A_VERB_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|my|your|this|that|these|those|some|any|no|"
                               r"every|each|of|to|did|does|do|not|was|were|is|are|be|been|kept|keep|left)|['’]s)\s$",
                               re.I)
PLURAL_SUBJECT_BEFORE = re.compile(r"(?:\b[a-z]{2,}[^\Wsiu'’]s|\b[A-Z][\w-]+|\b(?:people|police|children|men|women|they|we|"
                                   r"you|staff|media|side|team|squad))\s(?:(?:again|also|still|now|then|\w+ly)\s)?$")
# "return"/"returns" only as a journey: "The delegation returns to Kabul on Tuesday", not "filed tax returns on Monday"
VERB_ONLY_BEFORE = {"returns": re.compile(r"\s(?:to|home)\b"), "return": re.compile(r"\s(?:to|home)\b"),
                    # a company's results: "Intel reports Tuesday", "Google, which reports on Thursday"; not a reporting
                    # noun ("news reports Friday said", "press reports Monday that") nor "reports on Tuesday's vote"
                    "reports": re.compile(r"\s(?:(?:its\s)?(?:results|earnings)\s)?(?:on\s)?(?i:" + "|".join(WEEKDAYS)
                                          + r")\b(?!['’]s|,?\s(?:said|say|says|that|quoted|cited|showed)\b)")}
# "reports" after these is the noun of news ("according to local media reports on Friday"), not a company's results
NOUN_AFTER = {"reports": re.compile(
    r"\b(?:news|press|media|newspaper|newspapers|television|TV|radio|wire|agency|unconfirmed|local|earlier|recent|"
    r"initial|conflicting|official|several|other|many|such|these|those|Xinhua|Reuters|AFP|AP|Kyodo|Interfax|Yonhap|"
    r"Tass|Bernama|IRNA)\s$", re.I)}
# "Supporters plan rallies on Friday": "plan" with an object, not "unveiled plans on Monday" (a noun before "on")
PLAN_WITH_OBJECT = frozenset({"plan", "plans"})
PLAN_OBJECT_AFTER = re.compile(r"\s(?:a|an|mass|more|new|further|[a-z]+[^\Ws]s)\b")
# A modal before a weekday speaks of what is to come ("Temperatures could reach 40C on Saturday", "The storm should
# weaken by Wednesday", "can be held until Saturday"), not with a perfect, a negation or a reporter's search ("may
# have died on Monday", "could not be reached on Monday", "could be located Wednesday"). Lower case only: "May" is a
# month. Weekdays only: "we can develop new vaccines in four months" is an ability, not a date. "must" with an active
# verb too ("Wigan must now beat Arsenal on Tuesday"; so "need(s) to", for a day only: "the need to enforce ... February's
# killing" is no future), but not "must be", which reports rulings ("ruled that Elian must
# be returned ... and set Friday as the deadline").
MODALS = frozenset("can could may might should must need needs".split())  # "needs to win on Tuesday"
NOT_MODAL_AFTER = re.compile(r"\s(?:have|not|never|only\shave|be\s(?:reached|located|contacted|found|confirmed))\b|"
                             r"n['’]t\b")
NOT_MODAL_AFTER_WORD = {"must": re.compile(r"\s(?:\w+ly\s)?be\b")}
# A modal whose verb is left out ("did what they could on the final day", "doing all we can, ...", "as best I could
# for the children") tells no tense: the verb before it does (TBAQ dev 3 such, none before a date)
ELIDED_MODAL_BEFORE = re.compile(r"\b(?:what|whatever|all|everything|as\sbest)\s\w+\s$", re.I)
ELIDED_MODAL_AFTER = re.compile(r"[,.;:]|\s(?:on|in|at|to|for|with|before|after|during|until)\b")
# A weekday after these lies ahead unless a simple past governs it ("schools will remain closed until Friday", "has
# issued a flood watch until Wednesday", "the new fares apply from Monday", "starting Saturday", "by Friday", "for
# Friday's draw"); a past stays past ("the talks lasted until Wednesday", "fog covered the city from Friday"), but
# not a present perfect or a verb that sets a date ("have called a strike for Monday", "were announced for Sunday").
# Only "for" may take a possessive ("from Monday's close" is a past figure).
FORWARD_PREPOSITION_BEFORE = re.compile(r"\b(?:until|till|through|by|from|starting|beginning|effective|as\sof|"
                                        r"(?P<for>for))\s(?:on\s)?$", re.I)
# A record's "from" is when it was made, not a forward "from" ("updated with the company's statement from Wednesday
# night", "comments from Tuesday", "have released footage from Monday"): the day is read by its clause's tense.
RECORD_FROM_BEFORE = re.compile(r"\b(?:statements?|remarks|comments|footage|videos?|photos|photographs|pictures|images|"
                                r"recordings?|testimony|transcripts?|interviews?|speech|letters?|posts?|tweets?|"
                                r"messages?|emails?)\sfrom\s(?:on\s)?$", re.I)

# --- A possessive weekday heading its clause's subject (issue 16, values31) ---------------------------------------
# "Rangel said Tuesday that Sunday's elections will go ahead", "Analysts said that against this backdrop, Tuesday's
# move may have been": the day names its clause's subject, so the clause's own verb after it tells its tense; a cue
# before the clause's opener (a saying verb, "that", a comma, a conjunction) is another clause's. Not after a
# preposition ("the victims of Friday's collision will be buried", "up from Monday's close"): a part of the subject
# or an object, whose time its own noun tells.
SUBJECT_OPENER_BEFORE = re.compile(r"(?:\A|[.!?]\s+|\n\s*|,\s|\b(?:that|and|but|while|although|though|whereas|"
                                   r"said|says|added|warned|insisted|stressed|announced|confirmed)\s)[\"“‘'`]*$")

# --- Photo captions (issue 16, values31) --------------------------------------------------------------------------
# A caption tells what its picture shows, which has happened ("Photo caption: Parents hold signs outside the
# district's headquarters before Wednesday's vote. (Mike Sorensen / The Seattle Times)", said the next day): its
# present is no schedule's ("hold", "meet", "is visiting" are no future cues there), though a future word still is
# ("Crews will start tearing up its deck next week"). A caption is a line that opens with a caption's label or ends
# with a photo credit in brackets, a name and its outlet set apart by a slash or a colon.
CAPTION_LABEL = re.compile(r"[ \t]*(?:photo(?:graph)?|picture|image|caption|photo\scaption)\s?:\s", re.I)
_CAPITALISED_WORDS = r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*"
CAPTION_CREDIT_END = re.compile(r"\(" + _CAPITALISED_WORDS + r"\s?[/:]\s?" + _CAPITALISED_WORDS + r"\)\s*$")
