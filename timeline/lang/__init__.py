"""Language resources: one folder per language (`en/`), each holding everything the engine knows
of that language as plain Python data. `timeline.ruleset.load_ruleset(code)` loads, checks and
compiles a folder; the engine itself holds no word of any language.

A folder has three modules with fixed names (see `en/` for the reference):

- `words.py`: vocabularies (months, weekdays, numbers, units, holidays, ...) and the word-level
  regexes the resolvers consult (count nouns after a number, publication names after a weekday);
- `cues.py`: tense and direction cues read by `timeline.anchor` (auxiliaries, past forms, the
  regexes that recognise "is due", "had been", "extended ... until");
- `rules.py`: `PLACEHOLDERS` and `RULES`, the patterns with their required words and examples.
"""
