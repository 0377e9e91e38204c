# PRECALL_NO_KW_STR_JOIN_CONCAT: `left + sep.join(x)` and `left +
# sep.join(x) + "k"`, planned at load, make the sum in the block of the str
# str.join has just made.  Everything that must not be changed in place: an
# item join gives back (one exact str), an empty join (`left + ""` is left
# itself), a left operand that is not an exact str (its __add__ keeps the
# joined str), a constant or a kept str reaching the + by a jump; non-ASCII
# text and blocks without room (the sum made as before); appends to a local
# (`s = s + "".join(x)`, not fused); the sites run once, warmed up, missed,
# inside generators, under try with a join that raises, and traced.
import gc
import sys

KEPT = "kept"


class Loud(str):
    def __add__(self, other):
        return Loud("<" + str.__add__(self, other) + ">")


class Keep:
    def __add__(self, other):
        self.kept = other
        return other


def brackets(sep, items):
    return "[" + sep.join(items) + "]"


def prefix(left, items):
    return left + ",".join(items)


def chained(a, b, items):
    return a + b + "/".join(items) + "!"


def pick(flag, items):
    return "(" + (KEPT if flag else "-".join(items))


def appended(parts):
    s = ""
    for p in parts:
        s = s + "".join(p)
    return s


def appended_inplace(parts):
    s = "start:"
    for p in parts:
        s += "".join(p)
        t = s + "".join(p)
    return s, t


def gen_sums(rows):
    for row in rows:
        yield "{" + ", ".join(row) + "}"


def failing(n):
    for i in range(n):
        yield str(i)
    raise ValueError("item %d" % n)


# run once, before any warm-up
print(brackets(", ", ["a", "b"]), brackets("", []), prefix("p=", ["x", "y"]))
one = "alone"
print(brackets("::", [one]), one, type(one).__name__)
left = "left"
r = prefix(left, [])
print(r is left, r, prefix("", ["z"]), prefix("", []) == "")

# every length from 0 to 40: blocks with room and without
for n in range(41):
    items = [chr(97 + i % 26) for i in range(n)]
    got = (brackets("", items), prefix("#" * (n % 5), items), chained("x" * n, "y", items))
    want = ("[" + str.join("", items) + "]", "#" * (n % 5) + str.join(",", items),
            "x" * n + "y" + str.join("/", items) + "!")
    if got != want:
        print("wrong at", n, got, want)
print("lengths ok")

# warm the sites up, then change what flows through them
for i in range(60):
    brackets(",", [str(i), "z"])
    prefix("w", [str(i)])
    pick(i % 2, ["m", str(i)])
print(pick(True, ["m"]), pick(False, ["m", "n"]), KEPT, type(KEPT).__name__)
print(prefix(Loud("L"), ["a", "b"]), type(prefix(Loud("L"), ["a", "b"])).__name__)
k = Keep()
print(prefix(k, ["u", "v"]), k.kept, type(k.kept).__name__, k.kept + "!")
try:
    prefix(5, ["a"])
except TypeError as e:
    print("TypeError:", e)
try:
    brackets(b"-", [b"a"])
except TypeError as e:
    print("TypeError:", e)
print(brackets(Loud("|"), ["p", "q"]), brackets(",", [Loud("w")]), type(brackets(",", [Loud("w")])).__name__)

# non-ASCII anywhere: the sum is made as before
print(brackets("\u00e9", ["a", "b"]), prefix("\u65e5", ["x", "y"]), chained("a", "\u2603", ["b", "c"]))
print(brackets(",", ["caf\u00e9", "x"]), "\u00e9" + ",".join(["a", "b"]) + "\u00e9")

# appends to a local keep their form; an owned str as the left operand
print(appended([["a", "b"], ["c"], [], ["d", "e", "f"]]), appended_inplace([["x", "y"], ["z"]]))

# a join that raises: the traceback's line, the frame still usable
try:
    brackets("-", failing(3))
except ValueError as e:
    print("ValueError:", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)

# inside a generator, and big texts that a collection must keep whole
print(list(gen_sums([("a", "b"), ("c",), (), ("d", "e")])))
numbers = [str(i) for i in range(200000)]
big = brackets(", ", numbers)
gc.collect()
print(type(big).__name__, len(big), big[:12], big[-12:], hash(big) == hash(str(big)))
again = [brackets(", ", numbers[:k]) for k in (1, 2, 100000)]
gc.collect()
print([len(x) for x in again], again[0], again[1], big == "[" + ", ".join(numbers) + "]")
print(numbers[0], numbers[-1], type(numbers[0]).__name__)

# traced: the trace loop runs the base instructions, line by line
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("brackets", "pick"):
        events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


sys.settrace(tracer)
print(brackets(",", ["t1", "t2"]), pick(False, ["t"]), pick(True, []))
sys.settrace(None)
print(events)
print(brackets("+", ["after", "trace"]))
