"""One language's ruleset: its vocabularies, cues and compiled rules, loaded once and checked.

    ruleset = load_ruleset("en")          # timeline/lang/en/{words,cues,rules}.py
    ruleset.words.MONTHS["april"]         -> 4
    ruleset.compiled[0]                   -> (Rule("iso_date", ...), re.Pattern)

The tagger, the resolvers (through `Context.lang`) and anchoring receive a `Ruleset`; none of
them imports a language module. Adding a language is adding `timeline/lang/<code>/` with the
same three modules (and a golden file): `load_ruleset("<code>")` then loads it unchanged.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

from timeline.scan import WordFinder

DEFAULT_LANGUAGE = "en"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Example:
    """A sentence a rule must tag, with its publication date and the expected TIMEX3 result.

    `expression` is the tagged span when it is not the whole text ("in March" -> "March")."""

    text: str
    published: str | None
    value: str
    type: str = "DATE"
    expression: str | None = None

    @property
    def span(self) -> str:
        return self.expression or self.text


@dataclass(frozen=True)
class Rule:
    """One pattern: `kind` names the resolver; every match holds one of `required` (lower case), in its span or in
    the text its pattern looks at around it (the "-" a look-behind needs before "99" in "1998-99"): the tagger
    searches only near those words (timeline/scan.py).

    A group named "tx", when present, is the expression; the rest of the match is context
    ("in" before a month). Cheaper than a lookbehind tried at every position."""

    name: str
    kind: str
    pattern: str
    examples: tuple[Example, ...]
    priority: int = 0  # breaks ties between overlapping matches of equal length
    required: tuple[str, ...] = field(default=(), kw_only=True)


@dataclass(frozen=True)
class Ruleset:
    """A language loaded: `words` and `cues` are its data modules, `compiled` its rules in order."""

    language: str
    words: ModuleType
    cues: ModuleType
    rules: tuple[Rule, ...]
    compiled: tuple[tuple[Rule, re.Pattern[str]], ...]
    word_finder: WordFinder  # every rule's required words, found in one pass over a text (timeline/scan.py)


class RulesetError(ValueError):
    """A language folder whose rules do not check out."""


def case_variants(words) -> str:
    """An alternation matching each word Capitalised or UPPER, longest first."""
    forms = []
    for word in sorted(words, key=len, reverse=True):
        forms += [word.capitalize(), word.upper()]
    return "(?-i:" + "|".join(re.escape(f) for f in forms) + ")"


def alternation(words) -> str:
    """A non-capturing alternation of the words, longest first (so "a few" wins over "a")."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def load_ruleset(language: str = DEFAULT_LANGUAGE) -> Ruleset:
    """The ruleset of `timeline/lang/<language>/`, checked and compiled (once per process).

    Raises RulesetError when a rule does not compile, uses an undefined placeholder, or lacks
    required words or examples."""
    return _load(language)


def load_words(language: str = DEFAULT_LANGUAGE) -> ModuleType:
    """The words module of `timeline/lang/<language>/` alone, without compiling the rules (a module that
    only needs words, such as the dateline finder, does not make a page's first run compile 140 patterns)."""
    return importlib.import_module(f"timeline.lang.{language}.words")


@cache  # keyed on the code alone: load_ruleset() and load_ruleset("en") are one object
def _load(language: str) -> Ruleset:
    package = f"timeline.lang.{language}"
    words, cues, rules = (importlib.import_module(f"{package}.{name}") for name in ("words", "cues", "rules"))
    compiled = compile_rules(rules.RULES, rules.PLACEHOLDERS)
    finder = WordFinder(rule.required for rule, _ in compiled)
    return Ruleset(language, words, cues, tuple(r for r, _ in compiled), compiled, finder)


def compile_rules(rules, placeholders: dict[str, str]) -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """Check and compile rules in order; RulesetError names the first bad one."""
    interned: dict[tuple[str, ...], tuple[str, ...]] = {}
    compiled = []
    for rule in rules:
        _check(rule, placeholders)
        # Identical word lists become one object: the tagger looks each list up once per text.
        rule = _with_required(rule, interned.setdefault(rule.required, rule.required))
        compiled.append((rule, _compile(rule, placeholders)))
    return tuple(compiled)


def _with_required(rule: Rule, required: tuple[str, ...]) -> Rule:
    if rule.required is required:
        return rule
    return Rule(rule.name, rule.kind, rule.pattern, rule.examples, rule.priority, required=required)


def _check(rule: Rule, placeholders: dict[str, str]) -> None:
    unknown = set(_PLACEHOLDER.findall(rule.pattern)) - set(placeholders)
    # "{1,3}" is a repetition, not a placeholder, and never matches [a-z_]+.
    if unknown:
        raise RulesetError(f"rule {rule.name}: undefined placeholder(s) {sorted(unknown)}")
    if not rule.required or any(not w or w != w.lower() for w in rule.required):
        raise RulesetError(f"rule {rule.name}: declare its required words (non-empty, lower case)")
    if not rule.examples:
        raise RulesetError(f"rule {rule.name}: no example")


def _compile(rule: Rule, placeholders: dict[str, str]) -> re.Pattern[str]:
    """Expand `{placeholders}` and compile case-insensitively (names stay case-sensitive)."""
    pattern = rule.pattern
    for name, sub in placeholders.items():
        pattern = pattern.replace("{" + name + "}", sub)
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise RulesetError(f"rule {rule.name}: {error}") from error
