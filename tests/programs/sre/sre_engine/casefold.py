# casefold.py — case-insensitive matching by CPython's rules: a character
# matches another when their lower cases (the first character of the full
# mapping) agree, plus the extra equivalences re/_casefix.py adds (ſ, K,
# µ, ς, ...); ASCII-only under re.ASCII and for bytes; character classes
# and back-references likewise.  And _sre's own unicode_tolower and
# unicode_iscased over every code point.
import _sre
from harness import compile

LETTERS = "aAiIİıssSßẞſkKKσςΣµμΜåÅÅǅǆǄﬁᾀᾈΐΐθϑϴёЁǰ"


def run():
    rows = []
    for a in LETTERS:
        p = compile(a, 2)
        rows.append(a + ":" + "".join(b for b in LETTERS if p.fullmatch(b)))
    print(" ".join(rows))
    for a in "sSkKi":
        print(a, "".join(b for b in LETTERS if compile(a, 2 | 256).fullmatch(b)),
              "".join(b for b in LETTERS if compile("[%s]" % a, 2).fullmatch(b)),
              "".join(b for b in LETTERS if compile("[^%s]" % a, 2).fullmatch(b)))
    print(compile("[a-z]+", 2).findall("ſKİıÅ straße"), compile("[α-ω]+", 2).findall("ΣΑΣ ς"),
          compile("[^a-z]+", 2).findall("ſxK"), compile("[k-l]", 2).findall("KkKL"))
    print(compile(r"(\w)\1", 2).findall("sS ſs kK Kk İi ßß"), compile(r"(?i)(a)\1", 0).match("aA"))
    print(compile(b"\xe9", 2).match(b"\xc9"), compile(b"[a-z]+", 2).findall(b"ABC \xc9"),
          compile(b"(?i)k", 0).findall(b"kK"))
    lower = iscased = 0
    changed = []
    for c in range(0x110000):
        lc = _sre.unicode_tolower(c)
        if lc != c:
            lower = (lower * 31 + c * 7 + lc) % 1000000007
            if len(changed) < 40 and c > 0x1000:
                changed.append((hex(c), hex(lc)))
        if _sre.unicode_iscased(c):
            iscased = (iscased * 17 + c) % 1000000007
    print(lower, iscased, changed)
    print([_sre.ascii_tolower(c) for c in (65, 90, 91, 97, 196, 0x130)],
          [_sre.ascii_iscased(c) for c in (64, 65, 122, 123, 0xe9)],
          [_sre.unicode_tolower(c) for c in (-1, 0x130, 0x1e9e, 0x110000, 2**31 - 1)])
    for f in (lambda: _sre.unicode_tolower(2**31), lambda: _sre.ascii_tolower("a"),
              lambda: _sre.unicode_iscased()):
        try:
            f()
        except Exception as e:
            print(type(e).__name__, e)
