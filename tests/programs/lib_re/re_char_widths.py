# re over subjects of each character width: the matcher reads a str's
# characters 1 byte each (ASCII, latin-1), 2 (up to U+FFFF) or 4, the
# narrowest the str needs, and a str first matched and then indexed (its
# characters cached again 4 bytes each) matches the same.
import re

SUBJECTS = [
    ("ascii", "total = x1 + y_2; done"),
    ("latin-1", "caf\u00e9 na\u00efve \u00ff\u00c0 r\u00e9sum\u00e9\u00a0end \u00b5"),
    ("bmp", "caf\u00e9 \u65e5\u672c\u8a9e \u2603 \u0178\u00ff \u2028line \uffff"),
    ("astral", "caf\u00e9 \U0001f600 \u65e5 \U00010000x \U0010ffff"),
    ("edge-ff", "\u00ff" * 5 + "a"),
    ("edge-100", "\u0100" * 5 + "a"),
    ("edge-ffff", "\uffff" * 3 + "\u00e9"),
]

PATTERNS = [
    r"\w+",
    r"\W+",
    r"\s",
    r"\b\w",
    r".(?=\s)",
    r"(?<=\w)\W",
    r"[\u00c0-\u00ff]+",
    r"[^\x00-\x7f]+",
    r"[\u0100-\uffff]",
    r"[\U00010000-\U0010ffff]",
    r"(\w)\1",
    r"\u00ff|\u0178",
    r"$",
]


def show(name, s):
    print("==", name, len(s))
    for p in PATTERNS:
        found = re.findall(p, s)
        spans = [m.span() for m in re.finditer(p, s)]
        print(ascii(p), ascii(found), spans[:6])
    for p in (r"\u00ff", r"\u0178", r"CAF\u00c9", r"\u00b5"):
        print("ignorecase", ascii(p), [m.span() for m in re.finditer(p, s, re.I)])
    print("split", ascii(re.split(r"\s+", s)))
    print("sub", ascii(re.sub(r"\w+", lambda m: m.group().upper(), s)))
    print("sub template", ascii(re.sub(r"(\w)(\w*)", r"\2\1", s)))
    print("sub latin-1 repl", ascii(re.sub(r"\s", "\u00b7", s)))
    print("sub bmp repl", ascii(re.sub(r"\s", "\u2022", s)))
    print("fullmatch", bool(re.fullmatch(r"(?s).*", s)), bool(re.fullmatch(r"\S*", s)))
    print("pos/endpos", [m.span() for m in re.compile(r"\w").finditer(s, 2, len(s) - 1)])
    sc = re.compile(r"\w+|\s+|.").scanner(s)
    pieces = []
    while (m := sc.match()) is not None:
        pieces.append(m.group())
    print("scanner", "".join(pieces) == s, len(pieces))


for name, s in SUBJECTS:
    show(name, s)

# A Match kept while its subject's characters are cached anew.
s = "x\u00e9y\u00e8z " * 3
m = re.search(r"(\w+) (\w+)", s)
print(ascii(m.group(1)), m.span(2))
print(ascii(s[1]), ascii(s[-3:]), s.find("\u00e8z"))      # indexing wants code points
print(ascii(m.group(2)), ascii(m[0]), ascii(re.findall(r"\u00e9.", s)))

t = "\u65e5\u672c " * 4
print(ascii(re.findall(r"\S+", t)), ascii(t[4]), ascii(re.findall(r"\S+", t)))

# Bytes subjects stay one byte a character.
b = "caf\u00e9 \u00ff".encode("latin-1")
print(re.findall(rb"[\xe0-\xff]", b), re.findall(rb"\w+", b))

# A long BMP document, as json.loads matches its whitespace.
doc = ("\u2603 " * 1000) + "\u65e5" * 1000 + "  \n"
w = re.compile(r"[ \t\n\r]*")
print(w.match(doc, 0).end(), w.match(doc, len(doc) - 3).end(), w.match(doc, 1).end())
