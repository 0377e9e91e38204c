# _sre, the engine under Lib/re, driven by CPython's own re/_parser.py and
# re/_compiler.py (harness.py): re_tests' table, random patterns, the
# Pattern/Match/Scanner API, subjects of every kind, Unicode case rules.
import harness  # noqa: F401  (builds `re` first)
import table
import fuzz
import api
import subjects
import casefold

for part in (table, fuzz, api, subjects, casefold):
    print("==", part.__name__)
    part.run()
