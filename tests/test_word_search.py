"""What a reader's words find (timeline.word_search): every word in any order, with its forms; quoted phrases."""

from __future__ import annotations

import pytest

from timeline.word_search import Term, every_term_in, search_terms, word_forms


@pytest.mark.parametrize(("word", "finds"), [
    # a noun finds its plural, and the plural its singular
    ("election", {"elections", "Elections"}),
    ("elections", {"election"}),
    ("rocket", {"rockets"}),
    ("tax", {"taxes"}),
    ("party", {"parties"}),
    ("parties", {"party"}),
    ("price", {"prices"}),
    # a verb finds its forms
    ("attack", {"attacks", "attacked", "attacking"}),
    ("stopped", {"stop", "stops", "stopping"}),
    ("rate", {"rated", "rating"}),
    ("carry", {"carried", "carries"}),
])
def test_a_word_finds_its_plural_and_verb_forms(word: str, finds: set[str]) -> None:
    assert {f.lower() for f in finds} <= word_forms(word)


@pytest.mark.parametrize(("word", "finds"), [
    # a verb's -ing noun is one of its forms, in the plural too
    ("killings", {"killing", "killed", "kill", "kills"}),
    ("kill", {"killings"}),
    ("bombings", {"bombed", "bomb"}),
    ("shootings", {"shoot", "shot"}),
    # pasts and participles no ending gives, both ways
    ("fight", {"fought"}),
    ("fought", {"fight", "fights", "fighting"}),
    ("rise", {"rose", "risen", "rising"}),
    ("buy", {"bought"}),
    ("bought", {"buy", "buys", "buying"}),
    ("strike", {"struck"}),
    ("swear", {"swore", "sworn"}),  # the project's own pasts (lang/en/events.py) beside the treebank's
    ("went", {"go", "gone", "going"}),
    ("flee", {"fled"}),
    ("travel", {"travelled", "travelling"}),  # British doubling
    # plurals no ending gives
    ("man", {"men"}),
    ("women", {"woman"}),
    ("child", {"children"}),
    ("life", {"lives"}),
    ("criterion", {"criteria"}),
])
def test_a_word_finds_its_irregular_forms(word: str, finds: set[str]) -> None:
    assert finds <= word_forms(word)


@pytest.mark.parametrize(("word", "misses"), [
    # a form that is a word of its own finds itself, not the other word ("rise" still finds "rose")
    ("rose", {"rise", "rises"}),
    ("left", {"leave", "leaving"}),
    ("found", {"find", "finds"}),
    # auxiliaries are not searched by their forms
    ("is", {"was", "were", "be"}),
    ("has", {"had", "have"}),
    # a word whose -ing is no verb's form stays whole
    ("evening", {"even", "evens"}),
    ("mornings", {"morn"}),
])
def test_a_word_of_its_own_is_not_taken_for_another_words_form(word: str, misses: set[str]) -> None:
    assert not misses & word_forms(word)


def test_the_irregular_forms_are_what_the_script_builds_from_the_treebank() -> None:
    """The shipped table is the build script's output (no hand edits): rebuilt from UD English EWT, it is the same."""
    from timeline.lang.en.words import SEARCH_IRREGULAR_FORMS
    from training.search_forms import DATA, table_text

    if not DATA.is_dir():
        pytest.skip(f"no treebank at {DATA}")
    assert SEARCH_IRREGULAR_FORMS.read_text(encoding="utf-8") == table_text(DATA)


@pytest.mark.parametrize(("word", "misses"), [
    ("art", {"start", "arts-and-crafts"}),  # a word inside another is not the word
    ("new", {"news"}),  # words that only look inflected are words of their own
    ("news", {"new"}),
    ("us", {"use", "uses"}),
    ("is", {"i"}),
    ("press", {"pres", "presss"}),
    ("rates", {"rat", "rats"}),  # "rates" is "rate"'s, not "rat"'s
    ("parties", {"part", "parts"}),
    ("election", {"electoral", "elect"}),  # a suffix fold, not a stemmer: other words of the family are apart
])
def test_a_word_does_not_find_other_words(word: str, misses: set[str]) -> None:
    assert not misses & word_forms(word)


def test_the_words_typed_are_terms_and_a_quoted_phrase_is_one() -> None:
    assert search_terms("Iraq  election") == [Term(("iraq",)), Term(("election",))]
    assert search_terms('"world cup" draw') == [Term(("world", "cup"), exact=True), Term(("draw",))]
    assert search_terms("“air base”") == [Term(("air", "base"), exact=True)]  # typographic quotes too
    assert search_terms('"rocket"') == [Term(("rocket",))]  # one word quoted is still a word
    assert search_terms("iraq Iraq") == [Term(("iraq",))]
    assert search_terms("  ") == []
    assert search_terms("%") == [Term((), literal="%")]  # no word at all: looked for as typed
    assert Term(("world", "cups"), exact=True).forms == (frozenset({"world"}), frozenset({"cups"}))


@pytest.mark.parametrize(("typed", "texts", "expected"), [
    ("iraq election", ["Iraqis voted in the Iraq elections on Thursday."], True),  # any order, plural
    ("iraq election", ["Elections were held on Thursday.", "Iraq votes"], True),  # one word in the title
    ("iraq election", ["Elections were held on Thursday."], False),  # every word is needed
    ("iraq election", ["Iraqi election"], False),  # "Iraqi" is another word
    ("rocket attack", ["Militants attacked the town with rockets."], True),
    ("oil prices", ["Crude oil rose to 60 dollars as the price of gas fell."], True),
    ('"world cup"', ["the 2006 World-Cup finals"], True),  # a phrase: its words in a row, any separator
    ('"world cup"', ["a cup of the world's coffee"], False),
    ('"world cups"', ["the World Cup"], False),  # quoted words are found as typed
    ("world cup", ["a cup of the world's coffee"], True),
    ("art", ["At the start of the talks"], False),
    ("U.S.", ["the U.S. army"], True),
    ("5%", ["up 5% on the year"], True),
    ("%", ["up 100% on the year"], True),
    ("%", ["up 100 per cent"], False),
    ("earthquake", [None, "", "Two moderate earthquakes struck"], True),
])
def test_every_term_is_found_in_one_of_the_events_texts(typed: str, texts: list, expected: bool) -> None:
    assert every_term_in(search_terms(typed), texts) is expected
