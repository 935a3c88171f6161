"""Rules are complete records: each carries its pattern, required words and examples with the
expected value, and the golden corpus exercises every one of them.

Also: the ruleset loader's checks, and loading a language folder the engine has never seen.
"""

from __future__ import annotations

import sys
from datetime import date
from types import ModuleType

import pytest
from test_golden import POSITIVES

from timeline.lang.en import cues as en_cues
from timeline.lang.en import words as en_words
from timeline.ruleset import Example, Rule, RulesetError, compile_rules, load_ruleset
from timeline.tagger import tag

RULESET = load_ruleset()
EXAMPLES = [(rule, example) for rule in RULESET.rules for example in rule.examples]


@pytest.mark.parametrize("rule, example", EXAMPLES, ids=[f"{r.name}:{e.text}" for r, e in EXAMPLES])
def test_every_example_is_tagged_to_its_value_by_the_whole_tagger(rule: Rule, example: Example) -> None:
    published = date.fromisoformat(example.published) if example.published else None
    found = [(t.text, t.type.value, t.value) for t in tag(example.text, published) if t.rule == rule.name]
    assert found == [(example.span, example.type, example.value)]


@pytest.mark.parametrize("rule, example", EXAMPLES, ids=[f"{r.name}:{e.text}" for r, e in EXAMPLES])
def test_every_example_holds_one_of_its_rules_required_words(rule: Rule, example: Example) -> None:
    assert any(word in example.text.lower() for word in rule.required), (rule.name, rule.required)


def test_every_rule_has_a_golden_case() -> None:
    """A rule no golden case exercises is unspecified: tag every case, record which rule made its span."""
    exercised = set()
    for case in POSITIVES:
        start, end = case.span()
        exercised |= {t.rule for t in tag(case.sentence, case.published, load_ruleset(case.language))
                      if (t.start, t.end) == (start, end)}
    missing = [rule.name for rule in RULESET.rules if rule.name not in exercised]
    assert not missing, f"rules without a golden case in tests/golden/*.tsv: {missing}"


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULESET.rules]
    assert len(names) == len(set(names))


def test_the_ruleset_is_loaded_once_and_identical_word_lists_are_one_object() -> None:
    assert load_ruleset("en") is RULESET
    by_words: dict[tuple[str, ...], tuple[str, ...]] = {}
    for rule in RULESET.rules:
        assert by_words.setdefault(rule.required, rule.required) is rule.required, rule.name
    month_rules = [rule for rule in RULESET.rules if rule.required == tuple(en_words.MONTHS)]
    assert len(month_rules) > 10  # the month rules share one list, looked up once per text


def _rule(pattern: str = r"\bnoon\b", required: tuple[str, ...] = ("noon",),
          examples: tuple[Example, ...] = (Example("noon", None, "XXXX-XX-XXT12:00", "TIME"),)) -> Rule:
    return Rule("r", "clock_time", pattern, examples, required=required)


@pytest.mark.parametrize("rule, message", [
    (_rule(pattern=r"{nowhere}"), "undefined placeholder"),
    (_rule(pattern=r"(unclosed"), "missing"),
    (_rule(required=()), "required words"),
    (_rule(required=("Noon",)), "required words"),
    (_rule(examples=()), "no example"),
])
def test_a_bad_rule_is_refused_when_loaded(rule: Rule, message: str) -> None:
    with pytest.raises(RulesetError, match=message):
        compile_rules((rule,), {})


def _module(name: str, **attributes) -> ModuleType:
    module = ModuleType(name)
    module.__dict__.update(attributes)
    return module


def test_a_new_language_folder_loads_without_an_engine_edit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder with the three modules is all a language needs: here a German weekday rule."""
    vocabulary = {k: v for k, v in vars(en_words).items() if k.isupper()}
    words = _module("timeline.lang.xx.words", **{**vocabulary, "WEEKDAYS": {"sonntag": 7, "montag": 1}})
    cues = _module("timeline.lang.xx.cues", **{k: v for k, v in vars(en_cues).items() if k.isupper()})
    weekday = Rule("weekday", "weekday",
                   r"\b(?P<rel>(?!))?(?P<weekday>(?-i:Sonntag|Montag))\b(?P<part>(?!))?(?P<week_on>(?!))?",
                   (Example("Am Sonntag", "2021-04-07", "2021-04-04", expression="Sonntag"),), required=("sonntag", "montag"))
    rules = _module("timeline.lang.xx.rules", PLACEHOLDERS={}, RULES=(weekday,))
    for module in (words, cues, rules):
        monkeypatch.setitem(sys.modules, module.__name__, module)
    german = load_ruleset("xx")
    found = tag("Am Sonntag griffen Rebellen an.", date(2021, 4, 7), german)
    assert [(t.text, t.value, t.rule) for t in found] == [("Sonntag", "2021-04-04", "weekday")]
    assert tag("On Sunday they met.", date(2021, 4, 7), german) == []  # no English rule in this ruleset
