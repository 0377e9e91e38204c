# subjects.py — what a subject may be (str, non-ASCII and astral str, str
# and bytes subclasses, bytes, bytearray) and what comes back: positions
# count characters, groups are str for str and bytes for any bytes-like
# subject; the ASCII, LOCALE and default Unicode classes on each.
from harness import compile


class S(str):
    pass


class B(bytes):
    pass


def run():
    for s in ["plain ascii 42", "naïve café 42", "emoji 😀 and ℕ 42", S("sub class 42"),
              "x" * 5000 + "é 42"]:
        m = compile(r"(\w+) (\d+)", 0).search(s)
        print(type(m.group(1)).__name__, m.span(), repr(m.group(1)[-8:]), m.group(2),
              type(m.string).__name__, m.string is s)
        print(compile(r"\W", 0).findall(s[-20:]), compile(r"(?a)\w+", 0).findall(s[-20:]))
        print(compile("", 0).sub("|", s[-9:]), compile(r"\w+", 0).sub(lambda m: m.group()[::-1], s[-15:]))
    for s in [b"bytes 42", bytearray(b"array 42"), B(b"subclass 42"), b"\xe9\xc9 latin 42"]:
        m = compile(rb"(\w+) (\d+)", 0).search(s)
        print(type(m.group(1)).__name__, m.group(0), m.groups(), type(m.string).__name__,
              compile(rb"\w+", 0).findall(s), compile(rb"\s", 0).split(s),
              compile(rb"\d", 0).sub(b"#", s), compile(b".", 4 | 2).findall(s[-5:]))
    text = "Ünïcödé 123 ٣٤٥ ① ²\u2028x\x1cy\u00a0z_"
    for flags in (0, 256):
        print(flags, compile(r"\w+", flags).findall(text), compile(r"\d", flags).findall(text),
              compile(r"\s", flags).findall(text), compile(r"\b\w", flags).findall(text),
              compile(".$", flags | 8).findall("a\nb\n"))
    print(compile(r"\d+", 0).findall("١٢٣ 12 ൧൨"), compile("[٠-٩]+", 0).findall("١٢٣ 12"))
    print(compile("(?s).", 0).findall("a\nb"), compile(".", 0).findall("a\nb\r"),
          compile("^.", 8).findall("ab\ncd\r\nef"), compile("$", 8).findall("a\nb"))
    big = "ab" * 20000 + "c"
    print(compile("(?:ab)*c", 0).match(big).span(), compile("(a|b)*c", 0).match(big).group(1),
          compile("(?:a|b)*?c", 0).match(big).end(), compile("[ab]*c", 0).search(big).span())
