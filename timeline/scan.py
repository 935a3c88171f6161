"""A rule's matches, found by scanning only the text around its required words.

    segment = Segment(text, start, end, ruleset.word_finder)
    list(segment.matches(pattern, ("ago", "earlier")))  == list(pattern.finditer(text, start, end))
                                                           (when the text holds "ago" or "earlier")

The regular-expression engine tries a match at every position it scans, so scanning a 2,000-character
news text once per rule is most of what tagging costs, though most of the text is far from any "March"
or "ago". A rule's `required` words are where its matches can be: every match, together with what the
pattern looks at around it (look-behind, look-ahead, `\\b`), holds one of them. `pattern_reach` bounds,
from the parsed pattern, how far before and after a match attempt's start the engine may look; so a
match can only start within that distance of an occurrence of a required word, and whether one starts
there is decided by the text up to `ahead` characters past it. `Segment.matches` searches those windows
alone (`pattern.search(text, lo, hi)`, nearby windows merged) and returns the same matches as
`pattern.finditer(text, start, end)`: none more, none fewer, in the same order.

A repetition without an upper bound (the digits of `\\d+`, `\\w+` in a look-ahead) repeats one character
class: a match uses at most the text's longest run of that class (for a class without whitespace, its
longest whitespace-free token). A pattern the analysis cannot bound, or a text whose lower case is not
as long as itself, is scanned whole, as before.

Where the words are is found first, for all rules at once: `WordFinder` (built once per ruleset from every
rule's words) scans the segment's lower case in one pass, so a rule whose words are absent costs a lookup, and
a new rule family adds no scan of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

try:  # Python 3.11+
    from re import _constants as _op  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _op  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# Windows closer than this are searched as one: scanning a few positions costs less than one more search call.
MERGE_GAP = 32
# A segment's lower case is taken from this far before it, so an occurrence in a look-behind before the
# segment opens a window; a pattern looking further back than this is scanned whole.
BEHIND_MARGIN = 256
# A word list occurring more often than once in this many characters: the segment is scanned whole.
DENSE_SPACING = 32
_WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_CATEGORIES = {_op.CATEGORY_DIGIT: r"\d", _op.CATEGORY_NOT_DIGIT: r"\D", _op.CATEGORY_SPACE: r"\s",
               _op.CATEGORY_NOT_SPACE: r"\S", _op.CATEGORY_WORD: r"\w", _op.CATEGORY_NOT_WORD: r"\W"}
_ONE_CHARACTER = {_op.LITERAL, _op.NOT_LITERAL, _op.IN, _op.ANY}
_REPEATS = {_op.MAX_REPEAT, _op.MIN_REPEAT, getattr(_op, "POSSESSIVE_REPEAT", _op.MAX_REPEAT)}
_ATOMIC = getattr(_op, "ATOMIC_GROUP", None)  # Python 3.11+
TOKEN = "token"  # the run bound of a class without whitespace: the longest whitespace-free token
# TOKEN, or a class holding whitespace as (its source, the pattern's flags): its longest run is looked up
RunKey = str | tuple[str, int]


class Unbounded(Exception):
    """A construct the analysis does not bound."""


@dataclass(frozen=True)
class Reach:
    """How far a match attempt starting at `s` may look: at text[s - behind : s + ahead]; a match is at most
    `width` long."""

    width: int
    ahead: int
    behind: int


class _Shape:
    """A pattern parsed once, the classes it repeats without bound (each a RunKey, needing its longest run in the
    text), and its reach for each set of runs seen."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern  # kept alive: shapes are found by the pattern's id
        self.tree, self.runs = None, None
        try:
            tree = _sre_parse.parse(pattern.pattern, pattern.flags)
            if tree.getwidth()[0] == 0:
                return  # an empty match would need finditer's stepping rules
            walk = _Walk(pattern.flags, None)
            walk.sequence(tree)
        except (Unbounded, re.error):
            return
        self.tree, self.runs = tree, tuple(walk.seen)
        self.reaches: dict[tuple[int, ...], Reach] = {}
        self._started: dict[int, re.Pattern[str]] = {}

    def reach(self, runs: tuple[int, ...]) -> Reach:
        found = self.reaches.get(runs)
        if found is None:
            width, ahead, behind = _Walk(self.pattern.flags, dict(zip(self.runs, runs, strict=True))).sequence(self.tree)
            found = self.reaches[runs] = Reach(width, max(ahead, width), behind)
        return found

    def started_before(self, ahead: int) -> re.Pattern[str]:
        """The pattern, tried only where `ahead` characters or more lie before the search's end: searched up to
        last + ahead, it tries no start after `last` (which the plain pattern would try, to no use, up to the end)."""
        found = self._started.get(ahead)
        if found is None:
            source, flags = self.pattern.pattern, self.pattern.flags
            scoped = _GLOBAL_FLAGS.match(source)  # "(?m)" must stay first
            lead = scoped[0] if scoped else ""
            found = self._started[ahead] = re.compile(f"{lead}(?=(?s:.){{{ahead}}})(?:{source[len(lead):]})", flags)
        return found


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
# By id: hashing a compiled pattern hashes its whole program (~2 us each, for every rule of every text).
_SHAPES: dict[int, _Shape] = {}


def _shape(pattern: re.Pattern[str]) -> _Shape:
    shape = _SHAPES.get(id(pattern))
    if shape is None or shape.pattern is not pattern:
        shape = _SHAPES[id(pattern)] = _Shape(pattern)
    return shape


def class_runs(pattern: re.Pattern[str]) -> tuple[RunKey, ...] | None:
    """The classes `pattern` repeats without bound (RunKey: TOKEN, or a class's source and flags), whose longest runs in a text
    `pattern_reach` needs, in order; None when the pattern cannot be bounded (or can match the empty string)."""
    return _shape(pattern).runs


def pattern_reach(pattern: re.Pattern[str], runs: tuple[int, ...] = ()) -> Reach | None:
    """How far a match attempt of `pattern` may look when its unbounded classes (`class_runs`) run at most `runs`
    characters; None when it cannot be bounded."""
    shape = _shape(pattern)
    return None if shape.runs is None else shape.reach(runs)


class _Walk:
    """One walk over a parsed pattern: (width, ahead, behind) of each part. With `runs` None it only collects
    the unbounded classes (`seen`), taking each run as 1."""

    def __init__(self, flags: int, runs: dict[RunKey, int] | None) -> None:
        self.flags, self.runs = flags, runs
        self.seen: dict[RunKey, None] = {}
        self.groups: dict[int, int] = {}

    def sequence(self, items) -> tuple[int, int, int]:
        width = ahead = behind = 0
        for op, av in items:
            w, a, b = self.item(op, av)
            ahead, behind = max(ahead, width + a), max(behind, b)  # a later item looks back less: b bounds it
            width += w
        return width, ahead, behind

    def item(self, op, av) -> tuple[int, int, int]:
        if op in _ONE_CHARACTER:
            return 1, 1, 0
        if op is _op.AT:  # \b, ^, $: the character at the position and the one before
            return 0, 1, 1
        if op is _op.SUBPATTERN:
            group, *_, sub = av
            found = self.sequence(sub)
            if group is not None:
                self.groups[group] = found[0]
            return found
        if op is _ATOMIC:
            return self.sequence(av)
        if op is _op.BRANCH:
            return _widest([self.sequence(sub) for sub in av[1]])
        if op is _op.GROUPREF_EXISTS:
            _, yes, no = av
            return _widest([self.sequence(yes), self.sequence(no) if no else (0, 0, 0)])
        if op in _REPEATS:
            return self.repeat(*av)
        if op in (_op.ASSERT, _op.ASSERT_NOT):
            direction, sub = av
            w, a, b = self.sequence(sub)
            return (0, a, b) if direction == 1 else (0, max(0, a - w), w + b)  # a look-behind starts w back
        if op is _op.GROUPREF and av in self.groups:
            return self.groups[av], self.groups[av], 0
        raise Unbounded(str(op))

    def repeat(self, lo: int, hi: int, sub) -> tuple[int, int, int]:
        """At most `hi` times its item; an unbounded repetition of one class, as long as the class's run."""
        w, a, b = self.sequence(sub)
        if hi == _op.MAXREPEAT:
            key = self.class_key(sub)
            self.seen[key] = None
            run = 1 if self.runs is None else self.runs[key]
            return run * w, run * w + a, b  # the run, and the try on the character that ends it
        if hi == 0:
            return 0, 0, 0
        return hi * w, (hi - 1) * w + a, b

    def class_key(self, sub) -> RunKey:
        """TOKEN for one character class without whitespace, else the class's source and the pattern's flags."""
        items = list(sub)
        if len(items) != 1:
            raise Unbounded("an unbounded repetition of more than one character")
        source = _class_source(*items[0])
        if not any(re.match(source, c, self.flags) for c in _WHITESPACE):
            return TOKEN
        return source, self.flags  # its run is found with the pattern's flags ("[a-z\\s]" ignoring case)


def _widest(parts: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    return max(p[0] for p in parts), max(p[1] for p in parts), max(p[2] for p in parts)


def _class_source(op, av) -> str:
    """The regular expression of one character-class item."""
    if op is _op.LITERAL:
        return re.escape(chr(av))
    if op is _op.NOT_LITERAL:
        return "[^" + re.escape(chr(av)) + "]"
    if op is not _op.IN:
        raise Unbounded(f"an unbounded {op}")
    parts = []
    for op, value in av:
        if op is _op.NEGATE:
            parts.append("^")
        elif op is _op.LITERAL:
            parts.append(re.escape(chr(value)))
        elif op is _op.RANGE:
            parts.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif op is _op.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            raise Unbounded(str(op))
    return "[" + "".join(parts) + "]"


class WordFinder:
    """A ruleset's word lists (each rule's `required`), all their words found in one pass over a text's lower case.

    One regular expression, the words' trie, is tried at each position (in a look-ahead, so that overlapping words are
    found too): it takes the longest word starting there, and the shorter words that word begins with start there too.
    So a text costs one scan however many rules and words there are, and a rule whose words are absent one lookup."""

    def __init__(self, lists: Iterable[tuple[str, ...]]) -> None:
        self.lists = tuple({id(words): words for words in lists}.values())  # kept alive: a list is known by its id
        self.words = frozenset(word for words in self.lists for word in words)
        self._pattern = re.compile("(?=(" + _trie_pattern(self.words) + "))")
        # each word with the words it begins with, itself among them: where it starts, they all start
        self._starting = {w: tuple(w[:n] for n in range(1, len(w) + 1) if w[:n] in self.words) for w in self.words}
        self._lists_holding: dict[str, set[int]] = defaultdict(set)
        for words in self.lists:
            for word in words:
                self._lists_holding[word].add(id(words))
        self._list_ids = frozenset(map(id, self.lists))

    def find(self, lower: str) -> dict[str, list[int]]:
        """Where each word starts in `lower` (every occurrence, overlapping ones too, in order); absent words are left
        out."""
        found: dict[str, list[int]] = defaultdict(list)
        for match in self._pattern.finditer(lower):
            for word in self._starting[match[1]]:
                found[word].append(match.start())
        return found

    def absent(self, found: dict[str, list[int]]) -> frozenset[int]:
        """The ids of the lists none of whose words is in `found`."""
        return self._list_ids.difference(*(self._lists_holding[word] for word in found))


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching the longest of `words` that starts where it is tried (greedy along their trie:
    each branch tries the longer words before ending at a shorter one)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_branch(trie)


def _trie_branch(node: dict[str, dict]) -> str:
    longer = [re.escape(char) + _trie_branch(child) for char, child in sorted(node.items()) if char]
    if not longer:
        return ""
    body = longer[0] if len(longer) == 1 else "(?:" + "|".join(longer) + ")"
    return f"(?:{body})?" if "" in node else body


class Segment:
    """text[start:end] being tagged: its lower case (from BEHIND_MARGIN before it), where each word list occurs
    and the longest run of each unbounded class, each found once and only when a rule asks. With a `finder` (the
    ruleset's words), every word is found in one first pass; a word it lacks is found on its own."""

    def __init__(self, text: str, start: int = 0, end: int | None = None, finder: WordFinder | None = None) -> None:
        self.text, self.start = text, start
        self.end = len(text) if end is None else end
        self.base = max(0, start - BEHIND_MARGIN)
        self.lower = text[self.base:self.end].lower() if (self.base, self.end) != (0, len(text)) else text.lower()
        self.aligned = len(self.lower) == self.end - self.base  # else positions in the lower case are not the text's
        # windows pay off while a word list occurs less often than once in this many characters
        self.most = (self.end - self.base) // DENSE_SPACING + 1
        # the first pass: where each of the finder's words starts in `lower` (a word it holds and `found` lacks is
        # absent), and which of its lists are absent (a rule with one of them is skipped)
        self.looked_for = finder.words if finder is not None and self.aligned else frozenset()
        self.found = finder.find(self.lower) if self.looked_for else {}
        self.absent = finder.absent(self.found) if self.looked_for else frozenset()
        # by the word list's id (rules share one list object), with the list, so that a new list never takes one's place
        self._occurrences: dict[int, tuple[tuple[str, ...], list[int] | None]] = {}
        self._holds: dict[int, tuple[tuple[str, ...], bool]] = {}
        self._runs: dict[RunKey, int] = {}

    def matches(self, pattern: re.Pattern[str], required: tuple[str, ...]) -> Iterator[re.Match[str]]:
        """pattern.finditer(text, start, end) when the segment holds one of `required` (lower case), else nothing;
        only the windows around the words are searched when the pattern can be bounded."""
        if id(required) in self.absent:
            return iter(())
        found = self.occurrences(required)
        if found is not None and (not found or found[-1] < self.start):
            return iter(())
        shape = _shape(pattern)
        reach = None if found is None or shape.runs is None else shape.reach(tuple(map(self.run, shape.runs)))
        if reach is None or reach.behind > BEHIND_MARGIN:
            return pattern.finditer(self.text, self.start, self.end) if self.holds(required) else iter(())
        return self._windows(pattern, shape.started_before(reach.ahead), reach, found, min(map(len, required)))

    def holds(self, words: tuple[str, ...]) -> bool:
        """Whether text[start:end] holds one of the words (lower case)."""
        cached = self._holds.get(id(words))
        if cached is None or cached[0] is not words:
            segment = self.lower[self.start - self.base:] if self.aligned else self.text[self.start:self.end].lower()
            cached = self._holds[id(words)] = (words, any(word in segment for word in words))
        return cached[1]

    def occurrences(self, words: tuple[str, ...]) -> list[int] | None:
        """Where the words start (text positions, in order), from BEHIND_MARGIN before the segment on; None when
        they occur more than `most` times (the segment is scanned whole) or the lower case is not aligned."""
        cached = self._occurrences.get(id(words))
        if cached is not None and cached[0] is words:
            return cached[1]
        found: list[int] | None = None
        if self.aligned:
            starts = [self.found.get(word, ()) if word in self.looked_for else self._find(word) for word in _fewest(words)]
            count = sum(map(len, starts))
            if count <= self.most:
                found = sorted(self.base + i for positions in starts for i in positions) if count else []
        self._occurrences[id(words)] = (words, found)
        return found

    def _find(self, word: str) -> list[int]:
        """Where a word the first pass did not look for starts in `lower`, in order (at most `most` + 1 times: more
        and its list is scanned whole anyway)."""
        found, i = [], self.lower.find(word)
        while i != -1 and len(found) <= self.most:
            found.append(i)
            i = self.lower.find(word, i + 1)
        return found

    def run(self, key: RunKey) -> int:
        """The longest run of a class (TOKEN: of non-whitespace) in the segment, rounded up to a power of two
        (at least 16), so that a few bounds serve every text."""
        found = self._runs.get(key)
        if found is None:
            part = self.text[self.start:self.end]
            if key == TOKEN:
                longest = max(map(len, part.split()), default=0)
            else:
                source, flags = key
                longest = max(map(len, re.findall(f"(?:{source}){{2,}}", part, flags)), default=1)
            found = self._runs[key] = max(16, 1 << (longest - 1).bit_length())
        return found

    def _windows(self, pattern: re.Pattern[str], started: re.Pattern[str], reach: Reach, occurrences: list[int],
                 shortest: int) -> Iterator[re.Match[str]]:
        """The matches starting within reach of an occurrence: a match at s looks at text[s - behind : s + ahead]
        and holds a word there, so s lies in [o + shortest - ahead, o + behind] for some occurrence o. `started` is
        the pattern tried only at starts `ahead` or more before the search's end (`_Shape.started_before`)."""
        text, end, ahead, behind = self.text, self.end, reach.ahead, reach.behind
        position, i, n = self.start, 0, len(occurrences)
        first = last = -1  # the starts the current window allows (nearby windows merged)
        while True:
            if position > last:  # past this window: the next one that ends at or after position
                if (i := bisect_left(occurrences, position - behind, i)) == n:
                    return
                first, last = occurrences[i] + shortest - ahead, occurrences[i] + behind
                while (i := i + 1) < n and occurrences[i] + shortest - ahead <= last + MERGE_GAP:
                    last = occurrences[i] + behind
            # a start up to `last` looks at most up to last + ahead: there the window shows what the whole text does
            if last + ahead <= end:
                match = started.search(text, max(position, first), last + ahead)  # no start after `last`
            else:
                match = pattern.search(text, max(position, first), end)
            if match is None or match.start() > last:
                position = last + 1
                continue
            yield match
            position = match.end()  # the next match may start in the same window


_FEWEST: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _fewest(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that hold no other word of the list: where "christmas day" is, "christmas" is too."""
    cached = _FEWEST.get(id(words))
    if cached is None or cached[0] is not words:
        kept = tuple(w for w in dict.fromkeys(words) if not any(o != w and o in w for o in words))
        cached = _FEWEST[id(words)] = (words, kept)
    return cached[1]
