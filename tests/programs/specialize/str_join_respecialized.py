# The str.join sites of str_join_concat/str_join_encode after a miss: a
# Python object with a join method takes the site over, then str.join
# comes back and the site warms up again (`left + sep.join(x)`, `+ k`
# after it, `.encode(k)`, a jump to the +, an append to a local); the sums
# and bytes made there must be what they were before the miss, for every
# case the forms leave alone too (an item given back, empty, non-ASCII,
# a left operand that is not a str, a block without room).
KEPT = "kept"


class Joiner:
    def join(self, items):
        return "J" + str(len(items))


class Keep:
    def __add__(self, other):
        self.kept = other
        return other


def brackets(sep, items):
    return "[" + sep.join(items) + "]"


def prefix(left, sep, items):
    return left + sep.join(items)


def pick(flag, sep, items):
    return "(" + (KEPT if flag else sep.join(items))


def encoded(sep, items):
    return sep.join(items).encode("ascii")


def appended(sep, parts):
    s = ""
    for p in parts:
        s = s + sep.join(p)
    return s


def run(label, sep):
    out = []
    for n in (0, 1, 2, 5, 17, 40):
        items = [chr(97 + i % 26) * (1 + i % 3) for i in range(n)]
        out.append(brackets(sep, items))
        out.append(prefix("#" * (n % 4), sep, items))
        out.append(pick(n % 2, sep, items))
        out.append(encoded(sep, items))
        out.append(appended(sep, [items, items[:2], []]))
    print(label, len(out), sum(len(x) for x in out))
    print(" ", out[5:10])
    print(" ", out[-5:-1])


class Sub(str):
    pass


for i in range(70):
    brackets(",", [str(i), "z"])
    prefix("w", "-", [str(i)])
    pick(0, "-", ["m", str(i)])
    encoded(",", [str(i), "q"])
    appended(",", [[str(i)]])
run("warm", ", ")
for i in range(70):                    # the sites miss and go to the Python join
    brackets(Joiner(), [i])
    prefix("w", Joiner(), [i])
    pick(0, Joiner(), [i])
    encoded(Joiner(), [i])
    appended(Joiner(), [[i]])
print(brackets(Joiner(), [1, 2]), prefix("p", Joiner(), []), pick(0, Joiner(), [3]),
      encoded(Joiner(), [4]), appended(Joiner(), [[1], [2, 3]]))
for i in range(300):                   # str.join is back: the sites warm up again
    brackets(",", [str(i), "z"])
    prefix("w", "-", [str(i)])
    pick(i % 2, "-", ["m", str(i)])
    encoded(",", [str(i), "q"])
    appended(",", [[str(i)]])
run("again", ", ")
run("empty sep", "")

one = "alone"
r = brackets(",", [one])
print(r, one, prefix("", ",", [one]) is one, prefix("", ",", []) == "")
left = "left"
print(prefix(left, ",", []) is left, prefix(left, ",", [""]) is left)
print(brackets("\u00e9", ["a", "b"]), prefix("\u65e5", ",", ["x", "y"]), pick(0, "\u2603", ["b", "c"]))
print(encoded("", ["abc", "def"]), encoded("-", ["x"]))
try:
    encoded("", ["caf\u00e9"])
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e.reason, e.start, e.end)
k = Keep()
print(prefix(k, ",", ["u", "v"]), k.kept, type(k.kept).__name__, k.kept + "!")
print(brackets(",", [Sub("w")]), type(prefix("", ",", [Sub("w")])).__name__)
print(pick(1, ",", ["a"]), KEPT)
big = [str(i) for i in range(20000)]
b = brackets(", ", big)
print(len(b), b[:10], b[-10:], b == "[" + ", ".join(big) + "]")
e = encoded("\n", big)
print(type(e).__name__, len(e), e[:12], e == "\n".join(big).encode())
