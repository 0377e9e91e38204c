# table.py — every case of CPython's Lib/test/re_tests.py (the table its
# test_re runs): search, match at 1, fullmatch, findall, split, subn with a
# template, as str, as bytes where the case is Latin-1, and ignoring case.
from harness import compile, error
from test import re_tests


def one(pattern, s, flags):
    try:
        p = compile(pattern, flags)
    except error as e:
        return "error: %s" % e
    m = p.search(s)
    found = m and (m.span(), m.groups(), m.lastindex, m.lastgroup)
    m1 = p.match(s, 1)
    full = p.fullmatch(s)
    return (found, m1 and m1.span(), full and full.span(), p.findall(s), p.split(s),
            p.subn("<\\g<0>>" if isinstance(s, str) else b"<\\g<0>>", s))


def run():
    for case in re_tests.tests:
        pattern, s = case[0], case[1]
        print(repr(pattern), repr(s))
        print("  ", one(pattern, s, 0))
        if all(ord(c) < 256 for c in pattern + s):
            print("  b", one(pattern.encode("latin-1"), s.encode("latin-1"), 0))
        print("  i", one(pattern, s, 2))
