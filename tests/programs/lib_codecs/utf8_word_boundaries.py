# UTF-8 checked eight bytes at a time (runtime/unicode.c, utf8_check): a
# non-ASCII sequence, a bad byte or a cut-off sequence at every offset of
# the first words, after runs of ASCII of every length; and the encoder's
# search for lone surrogates (str.c, rt_str_has_surrogates).

SEQUENCES = [
    "é".encode(),               # two bytes
    "€".encode(),               # three
    "\U0001F600".encode(),      # four
    "\ud7ff".encode(),          # ED 9F BF: the last code point before the surrogates
]
BAD = [
    b"\x80",                    # a continuation byte alone
    b"\xc3",                    # a lead byte cut off
    b"\xc3(",                   # a lead byte and no continuation
    b"\xe2\x82",                # three bytes cut after two
    b"\xed\xa0\x80",            # a surrogate
    b"\xf4\x90\x80\x80",        # above U+10FFFF
    b"\xe0\x80\x80",            # overlong
    b"\xff",
]


def show(data):
    try:
        s = data.decode("utf-8")
        return "ok %d %r" % (len(s), s[-3:])
    except UnicodeDecodeError as e:
        return "error %d %d %s" % (e.start, e.end, e.reason)


for before in range(0, 18):
    for after in (0, 1, 7, 9):
        line = []
        for seq in SEQUENCES:
            line.append(show(b"a" * before + seq + b"b" * after))
        for bad in BAD:
            line.append(show(b"a" * before + bad + b"b" * after))
        print(before, after, " | ".join(line))

# Several sequences in one word, and sequences straddling words.
for n in range(1, 20):
    data = ("x" * (n % 5) + "é€" * n + "\U0001F600" + "y" * n).encode()
    s = data.decode()
    print(n, len(s), s.encode() == data, data.decode("utf-8", "replace")[-4:])
    print(n, show(data[:-n - 1]), show(data[: len(data) - n - 2]))

# Encoding: lone surrogates anywhere, and ED bytes that are not surrogates.
for text in ["plain", "caf\u00e9", "\ud7ff\ud7ff", "\ud55c\uae00", "a\ud800", "\udfff" + "x" * 20,
             "x" * 30 + "\udc80", "\ud7ff" * 3 + "\udbff", "\ue000\ud800\ue000"]:
    try:
        print(ascii(text), text.encode("utf-8"))
    except UnicodeEncodeError as e:
        print(ascii(text), "error", e.start, e.end, e.reason)
    print(ascii(text), text.encode("utf-8", "surrogatepass"), text.encode("utf-8", "replace"))
