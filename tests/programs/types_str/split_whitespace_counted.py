# str.split() with no separator: the result list is made its counted size at
# once (strmethods.c's count_words), so the count must agree with the split
# for every kind of whitespace, at both ends, and with maxsplit.
cases = ["", " ", "   ", "a", " a", "a ", "  a  b  ", "a\tb\nc\rd\x0be\x0cf",
         "x\x1cy\x1dz\x1ew\x1fv", "\x85a\xa0b\u3000c\u2028d", "caf\u00e9 na\u00efve  \u65e5\u672c ",
         "a\x80b \x81c", "one two three " * 50]
for s in cases:
    parts = s.split()
    print(repr(s[:30]), len(parts), parts[:6])
    parts.append("more")            # the list is an ordinary list afterwards
    print(len(parts), parts[-2:])
    for m in (-1, 0, 1, 2):
        print(" ", m, s.split(maxsplit=m)[:4], s.split(None, m)[-1:])
words = ("w%d " % i * 3 for i in range(20000))
text = "".join(words)
parts = text.split()
print(len(parts), parts[:3], parts[-3:], sum(map(len, parts)))
