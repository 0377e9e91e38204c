# COMPARE_OP_{INT,FLOAT,STR}_JUMP: the comparison and the conditional jump after it, forward and backward, with NaN, type changes mid-loop and overriding subclasses
class Weird(int):
    def __lt__(self, other):
        return True

    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


class LoudStr(str):
    def __eq__(self, other):
        print("LoudStr.__eq__")
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def classify(a, b):
    out = []
    if a < b:
        out.append("<")
    if a <= b:
        out.append("<=")
    if a == b:
        out.append("==")
    if a != b:
        out.append("!=")
    if a > b:
        out.append(">")
    if not a >= b:
        out.append("not>=")
    return " ".join(out)


nan = float("nan")
pairs = [(1, 2), (2, 2), (3, 2), (-5, 5), (2**62, 2**62 + 1), (2**80, 3), (1.0, 2.0),
         (2.0, 2.0), (nan, 1.0), (1.0, nan), (nan, nan), (float("inf"), 1e308), (1, 1.0),
         (2.5, 2), (Weird(5), 3), (3, Weird(5)), (True, 1), ("a", "b"), ("b", "b"),
         (LoudStr("b"), "b"), ("x", LoudStr("y"))]
for a, b in pairs:
    try:
        print(repr(a), repr(b), classify(a, b))
    except TypeError as e:
        print(repr(a), repr(b), "TypeError:", e)


def eq_str(a, b):
    return "same" if a == b else "different"


for a, b in [("k", "k"), ("k", "j"), ("", ""), ("é" * 3, "é" * 3), ("k", 1), (LoudStr("k"), "k")]:
    print(repr(a), repr(b), eq_str(a, b))

# while loops close with a backward conditional jump after the compare.
i = 0
while i < 100:
    i += 7
print(i)
x = 0.0
while x < 10.0:
    x += 1.25
print(x)
s = "a"
while s != "aaaaa":
    s += "a"
print(s)
# The operands change type in the middle of the same loop.
count = 0
k = 0
while k < 40:
    k = k + 1 if k < 20 else k + 1.5
    if k > 10:
        count += 1
print(k, count)
