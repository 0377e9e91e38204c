# COMPARE_OP_STR_JUMP for <, <=, >, >= as well as == and !=: code-point order (ASCII, Latin-1, BMP, astral), prefixes, the empty string, one object on both sides, the site's first runs, str subclasses overriding the order, and the comparison without a jump
class Backwards(str):
    def __lt__(self, other):
        return str.__gt__(self, other)

    def __gt__(self, other):
        return str.__lt__(self, other)


def classify(a, b):
    # each conditional expression is a comparison and the jump after it
    return " ".join(("<" if a < b else ".", "<=" if a <= b else ".", "==" if a == b else ".",
                     "!=" if a != b else ".", ">" if a > b else ".",
                     "not>=" if not a >= b else "."))


def escape(s):
    out = []
    for ch in s:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch < " ":
            out.append("\\u%04x" % ord(ch))
        elif ch >= "\x7f":
            out.append("<%x>" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


words = ["", "a", "b", "ab", "abc", "abd", "B", " ", "\x00", "\x7f", "é", "e\u0301",
         "\u00ff", "\u0100", "\u20ac", "\uffff", "\U0001f600", "a\U0001f600", "a\uffff",
         "z" * 40, "z" * 39 + "é"]
for a in words:
    for b in words:
        print(repr(a), repr(b), classify(a, b))
same = "shared"
print(classify(same, same))
for s in ["regions", "a\tb\"c\\d\x01", "caf\u00e9 \u20ac \U0001f600", "rrrrrrr"]:
    print(escape(s), escape(s))

# A site specialized for str that later meets a subclass with its own order.
pairs = [("m", "n")] * 5 + [(Backwards("m"), "n"), ("n", Backwards("m")), ("m", "n")]
for a, b in pairs:
    print(type(a).__name__, classify(a, b))

# Backward jumps: a while loop whose condition orders strings.
s = "a"
n = 0
while s < "aaaaaa":
    s += "a"
    n += 1
print(n, s)
t = "zzzz"
while "zz" <= t:
    t = t[:-1]
print(repr(t))

# Without a jump after it (the comparison's value is kept).
flags = [w < "m" for w in words] + [w >= "é" for w in words] + [w == "ab" for w in words]
print(flags)
print(sorted(words) == sorted(words, key=lambda w: [ord(c) for c in w]))

# Mixed types at a specialized site: TypeError, as before.
for a, b in [("a", "b"), ("a", "b"), ("a", 1)]:
    try:
        print(classify(a, b))
    except TypeError as e:
        print("TypeError:", e)

# Floor division and remainder of ints up to 128 bits by powers of two.
for x in [0, 1, -1, 7, -7, 2**64 - 1, -(2**64) + 1, 2**64, -(2**64), 2**100 + 12345,
          -(2**100) - 12345, 2**126 - 1, -(2**126)]:
    for k in [0, 1, 3, 32, 63, 64, 65, 100, 126]:
        y = 1 << k
        print(k, x // y, x % y, divmod(x, y) == (x // y, x % y))
state = 12345
for _ in range(5):
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    print(state, state >> 33, -state // (1 << 40), -state % (1 << 40))
