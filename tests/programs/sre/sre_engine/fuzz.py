# fuzz.py — patterns drawn at random (the same ones in both interpreters:
# random.Random is CPython's Mersenne Twister) from atoms, groups,
# repeats of every kind, alternation, look-around, atomic groups,
# conditionals and back-references, against subjects with letters that
# fold case in special ways, under several flags.
import random

from harness import compile, error

ATOMS = ["a", "b", "c", ".", r"\w", r"\d", r"\s", r"\W", "[ab]", "[^a]", "[a-c]", r"\b",
         r"\B", "^", "$", r"\A", r"\Z", "é", "É", "ß", "ſ", "K", "k", "[é-ê]", r"\1",
         "(?P=n)", "x", "y", "\n", "İ", "i"]
QUANTIFIERS = ["*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{2,}?", "*+", "++", "?+",
               "{1,2}+"]
SUBJECTS = ["", "a", "ab", "abc", "aab", "baab", "abcabc aab\nb", "éÉßſKkİi",
            "xyyx aaa bbb", "a\nb\n", "AbC", "ab ab ab", "ssSS straße"]
FLAGS = [0, 0, 2, 8, 16, 256, 2 | 256, 2 | 8 | 16]


def gen(rng, depth=0):
    r = rng.random()
    if depth > 3 or r < 0.3:
        return rng.choice(ATOMS)
    if r < 0.45:
        return gen(rng, depth + 1) + gen(rng, depth + 1)
    if r < 0.55:
        return gen(rng, depth + 1) + "|" + gen(rng, depth + 1)
    if r < 0.75:
        group = "(" if rng.random() < 0.5 else "(?:"
        return group + gen(rng, depth + 1) + ")" + rng.choice(QUANTIFIERS)
    if r < 0.8:
        return "(?P<n>" + gen(rng, depth + 1) + ")"
    if r < 0.85:
        return rng.choice(["(?=", "(?!", "(?<=", "(?<!"]) + rng.choice(["a", "b", "ab", r"\w", "."]) + ")"
    if r < 0.9:
        return "(?>" + gen(rng, depth + 1) + ")"
    if r < 0.95:
        return "(a)?(?(1)" + gen(rng, depth + 1) + "|" + gen(rng, depth + 1) + ")"
    return "(" + gen(rng, depth + 1) + ")"


def run():
    rng = random.Random(2023)
    for i in range(700):
        pattern = gen(rng) + ("" if rng.random() < 0.7 else gen(rng))
        s = rng.choice(SUBJECTS) * rng.choice([1, 1, 2, 3])
        flags = rng.choice(FLAGS)
        try:
            p = compile(pattern, flags)
        except error as e:
            print("E", repr(pattern), e)
            continue
        m = p.search(s)
        print(repr(pattern), flags, repr(s), m and (m.span(), m.groups(), m.lastindex, m.regs))
        m = p.match(s, 1)
        f = p.fullmatch(s)
        print("  ", m and (m.span(), m.groups()), f and f.span(), p.findall(s), p.split(s),
              p.subn("<\\g<0>>", s))
        if flags & 256 and pattern.isascii():
            b = compile(pattern.encode(), flags)
            data = s.encode("utf-8")
            print("  b", b.findall(data), [m.span() for m in b.finditer(data)])
