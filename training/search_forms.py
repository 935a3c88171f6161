"""Build the irregular forms a reader's search knows (`timeline/lang/en/irregular_forms.tsv`) from UD English EWT.

    python -m training.search_forms [--data ../shared/data/ud-english-ewt]
    # -> timeline/lang/en/irregular_forms.tsv (form, lemma, own: one line a form)

The words filter (timeline.word_search) folds regular endings itself ("elections", "attacked", "parties"); what no
ending gives is taken from the treebank's lemmas: a past or participle ("fought" fight, "rose" rise, "bought" buy,
"sworn" swear), an -ing or -s form the fold cannot make ("going" go, "dying" die, "travelling" travel) and a plural
("men" man, "lives" life, "criteria" criterion); the project's own pasts (timeline.lang.en.events.IRREGULAR_PAST,
RENDERED_IRREGULAR_PAST: "swore" swear) are added. Kept from the treebank: tokens tagged VERB as VBD/VBN/VBG/VBZ or NOUN as NNS, not
marked as a typo, an abbreviation or a style of writing, whose form the fold does not relate to their lemma;
auxiliaries' lemmas (be, have, do, will, ...) are left out (a search for "is" is not one for "were"), and so are
a short lemma's bare -s forms ("ins", "ups": the fold gives a lemma of 3 letters or more its -s).

`own`: 1 when the form is a word of its own in the treebank (the lemma of three or more nouns or verbs: "rose" the
flower, "left" the side, "found" a company; not an -ing form, whose noun is its verb's): a search for it finds it as typed, while its
lemma's search still finds it ("rise" finds "rose").

The forms are derived from Universal Dependencies English EWT (CC BY-SA 4.0): the file keeps that licence and its
credit, as the shipped parser does (timeline/models/en_ewt/README.md).
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter
from pathlib import Path

from timeline.lang.en.events import IRREGULAR_PAST, RENDERED_IRREGULAR_PAST
from timeline.lang.en.words import SEARCH_IRREGULAR_FORMS, SEARCH_PARTICIPLE
from timeline.word_search import regular_relation

OUT = SEARCH_IRREGULAR_FORMS
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud-english-ewt"
FORM_TAGS = {("VERB", "VBD"), ("VERB", "VBN"), ("VERB", "VBG"), ("VERB", "VBZ"), ("NOUN", "NNS")}
LEFT_OUT_FEATURES = ("Typo=Yes", "Abbr=Yes", "Style=")
OWN_WORD_TAGS = {"NOUN", "VERB"}
OWN_WORD_MIN = 3  # fewer are as often a tagging slip ("feet" tagged a singular noun twice)
MIN_LEMMA = 3  # a shorter lemma's "-s" form is no form the fold misses but a word of its own ("ins", "ups")
HEADER = ("# Irregular forms for the words filter (timeline.word_search), built by `python -m training.search_forms`.\n"
          "# Derived from Universal Dependencies English EWT's lemmas (CC BY-SA 4.0, "
          "https://creativecommons.org/licenses/by-sa/4.0/):\n"
          "# this file is under the same licence. Columns: form, lemma, own (1: the form is also a word of its own).\n")


def tokens(data: Path):
    """(form, lemma, upos, xpos, feats) of every word of the treebank's three parts, lower case."""
    for path in sorted(data.glob("en_ewt-ud-*.conllu.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                cells = line.rstrip("\n").split("\t")
                if len(cells) == 10 and cells[0].isdigit():
                    yield cells[1].lower(), cells[2].lower(), cells[3], cells[4], cells[5]


def irregular_forms(data: Path) -> list[tuple[str, str, bool]]:
    """The (form, lemma, own) lines of the file, sorted."""
    pairs, lemmas, auxiliaries = set(), Counter(), set()
    for form, lemma, upos, xpos, feats in tokens(data):
        if any(mark in feats for mark in LEFT_OUT_FEATURES):
            continue
        if upos == "AUX":
            auxiliaries.add(lemma)
        if upos in OWN_WORD_TAGS:
            lemmas[(lemma, upos)] += 1
        if (upos, xpos) in FORM_TAGS and form.isalpha() and lemma.isalpha() and form != lemma:
            pairs.add((form, lemma))
    pairs |= {(past, base) for base, past in (IRREGULAR_PAST | RENDERED_IRREGULAR_PAST).items() if past != base}
    lines = []
    for form, lemma in sorted(pairs):
        if lemma in auxiliaries or regular_relation(form, lemma):
            continue
        if len(lemma) < MIN_LEMMA and form == lemma + "s":
            continue
        own = (not form.endswith(SEARCH_PARTICIPLE)  # a verb's -ing noun is the verb's ("travelling")
               and sum(n for (word, _), n in lemmas.items() if word == form) >= OWN_WORD_MIN)
        lines.append((form, lemma, own))
    return lines


def table_text(data: Path) -> str:
    """The file's text: its header, then a line per form."""
    return HEADER + "".join(f"{form}\t{lemma}\t{int(own)}\n" for form, lemma, own in irregular_forms(data))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the folder of en_ewt-ud-*.conllu.gz")
    text = table_text(parser.parse_args(argv).data)
    OUT.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - HEADER.count(chr(10))} forms -> {OUT}")


if __name__ == "__main__":
    main()
