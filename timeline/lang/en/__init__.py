"""English: the vocabularies, tense cues and rules of the engine's first language.

Why Python data modules and not TOML: most of a language resource is regular expressions
(rules, cue contexts), which read best as raw strings next to a comment saying why, and which
are built from the vocabularies ("{month}" is an alternation of the month names); a Python module
states that directly, needs no parser or schema, and is checked by `timeline.ruleset` when
loaded (every rule compiles, every placeholder is defined, every rule declares its words and
examples). TOML would be friendlier to non-programmers but would need escaping for every
backslash and a second mini-language for the derived patterns.
"""
