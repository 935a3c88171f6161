"""English lives in timeline/lang/en/, not in the engine: no engine module may hold a word list
or a string made of the language's words.

Every `timeline/**/*.py` outside `timeline/lang/` is parsed with `ast`; its string constants
(docstrings aside) are split into words and checked against the language's vocabularies (month,
weekday, season and holiday names, number words and ordinals, tense cues, count nouns, relation
words, references, ...). A word that is also one of the engine's own codes (a rule kind or
name, a granularity, a TIMEX3 type, the tense and relation codes anchoring works with) is not
language data. Collections (tuple, list, set, dict keys) of three or more such words are
flagged too.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from timeline.ruleset import load_ruleset
from timeline.types import Granularity, TimexType

PACKAGE = Path(__file__).resolve().parents[1] / "timeline"
RULESET = load_ruleset()
_TOKEN = re.compile(r"(?<![\w])[A-Za-z]+(?![\w])")  # a word; identifiers (first_event) are not

# Codes of the engine's own API, whatever the language, that happen to be English words:
ENGINE_CODES = {
    # anchoring's tenses and relations ("last" = strictly before, "next" = strictly after); the events' clause tense
    # "present" (a word of the language too since "at present" is a reference: values12)
    "past", "present", "future", "arrangement", "last", "next", "this",
    # the unit codes durations and shifts work in (UNITS maps a language's unit words to TIMEX3 letters)
    "hour", "minute", "second", "weekend",
    # a language folder's module names and the word "rule" in the loader's messages
    "words", "cues", "rules", "rule",
    # dateparser's PREFER_DAY_OF_MONTH setting
    "first",
    # a span's fields and the TIMEX3 mods START/END, an HTML element, an HTTP header (also verbs of a schedule's
    # present in cues.SCHEDULE_PRESENT_PLURAL: "talks end Friday", "Voters head to the polls", "Arsenal host City")
    "start", "end", "head", "host",
    # ISO 8601's designator of a duration's time part ("PT36H"), the US Pacific zone too ("until 10 p.m. PT")
    "pt",
}
# Modules that talk to people or to storage, not to text in a language: their strings are the
# interface's English (help, errors, chart labels) or SQL, not vocabulary the tagger reads.
INTERFACE_MODULES = {"cli.py", "chart.py", "timelinejs.py", "limits.py", "timeml.py"}
INTERFACE_PACKAGES = {"collection", "publish"}  # publish: the published page's words for its readers


def _vocabulary_items() -> set[str]:
    """The items of the language's word lists, lower case: "april", "the next", "said"."""
    found: set[str] = set()
    for module in (RULESET.words, RULESET.cues):
        for name, value in vars(module).items():
            if name.isupper():
                found |= {item.strip().lower() for item in _items(value)}
    return found


def _items(value) -> list[str]:
    if isinstance(value, str):
        return value.split("|") if "|" in value and "(" not in value else [value]
    if isinstance(value, dict):
        return [word for key in value for word in _items(key)]
    if isinstance(value, (tuple, list, set, frozenset)):
        return [word for item in value for word in _items(item)]
    return []


def _engine_codes() -> set[str]:
    rules = RULESET.rules
    codes = {r.kind for r in rules} | {r.name for r in rules} | {g.value for g in Granularity}
    groups = {name for _, pattern in RULESET.compiled for name in pattern.groupindex}  # m["rel"], m["unit"]
    return {c.lower() for c in codes | groups | {t.value for t in TimexType} | ENGINE_CODES | {RULESET.language}}


# The language's items (a word or a phrase), and the words of those of more than two letters
# (shorter ones, "a", "an", "in", are regex and format fragments as often as words).
LANGUAGE_ITEMS = {item for item in _vocabulary_items() - _engine_codes() if _TOKEN.search(item)}
LANGUAGE_WORDS = {word for item in LANGUAGE_ITEMS for word in _TOKEN.findall(item) if len(word) > 2} - _engine_codes()
_REGEX = re.compile(r"\\[bsdw]|\(\?|\|")  # a string that is a regular expression
_GROUP_NAME = re.compile(r"\(\?P[<=]\w+>?|#[^\n]*")  # group names are code; a verbose regex's comments are prose


def _docstring_ids(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _group_references(tree: ast.AST) -> set[int]:
    """m["unit"], m.group("tx"), groups.get("rel"): names of a match's groups, not words."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            ids.add(id(node.slice))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args \
                and node.func.attr in ("get", "group", "span", "start", "end"):
            ids.add(id(node.args[0]))
    return ids


def language_in(source: str) -> Iterator[str]:
    """Where `source` holds the language: 'line: what' for each string or collection that is a word
    or phrase of the language, a regex holding its words, or a collection of three or more words."""
    tree = ast.parse(source)
    skip = _docstring_ids(tree) | _group_references(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value.strip().lower()
            if text in LANGUAGE_ITEMS:
                yield f"{node.lineno}: the word {node.value!r}"
            elif _REGEX.search(node.value):
                words = {t.lower() for t in _TOKEN.findall(_GROUP_NAME.sub(" ", node.value))} & LANGUAGE_WORDS
                if words:
                    yield f"{node.lineno}: a regex with {sorted(words)}"
        elements = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", None)
        if isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)) and elements:
            words = [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and e.value.replace(" ", "").isalpha()]
            if len(words) >= 3 and any(w.lower() in LANGUAGE_ITEMS for w in words):
                yield f"{node.lineno}: a list of words {words[:5]}"


def engine_modules() -> list[Path]:
    return [path for path in sorted(PACKAGE.rglob("*.py"))
            if not {"lang", *INTERFACE_PACKAGES} & set(path.relative_to(PACKAGE).parts)
            and path.name not in INTERFACE_MODULES]


def test_no_engine_module_holds_words_of_the_language() -> None:
    problems = [f"{path.relative_to(PACKAGE.parent)}:{where}"
                for path in engine_modules() for where in language_in(path.read_text(encoding="utf-8"))]
    assert not problems, "English outside timeline/lang/en/:\n" + "\n".join(problems)


def test_the_check_finds_a_word_list_and_a_cue_regex() -> None:
    """The check can fail: a month list, a cue regex and a count-noun set are each caught."""
    planted = '''
MONTHS = ("january", "february", "march")
_SAID = re.compile(r"\\b(?:said|told)\\s$")
def f(word):
    return word in {"troops", "soldiers", "people"}
'''
    found = list(language_in(planted))
    assert {line.split(":")[0] for line in found} == {"2", "3", "5"}, found
    assert any("a list of words" in line for line in found) and any("a regex with" in line for line in found)


def test_the_vocabulary_is_the_language_not_the_engine() -> None:
    assert {"april", "sunday", "said", "will", "hence", "yesterday", "troops", "christmas", "the next"} <= LANGUAGE_ITEMS
    assert not {"day", "week", "month", "year", "weekday", "date", "last", "next"} & (LANGUAGE_ITEMS | LANGUAGE_WORDS)
