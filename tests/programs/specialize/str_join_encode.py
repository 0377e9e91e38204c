# PRECALL_NO_KW_STR_JOIN_ENCODE: `sep.join(x).encode(k)`, planned at load,
# turns the str str.join has just made into the bytes in its own block.
# Everything that must not be changed in place: an item join gives back
# (one exact str), a str kept by a join method of another class, a
# constant reaching the encode by a jump, non-ASCII text (encode raises,
# with the str as the error's object), other codecs and keywords (not
# fused); and the sites run once, warmed up, missed and specialized again,
# inside generators, under try, with a join that raises, and traced.
import gc
import sys

KEPT = "kept"


class S(str):
    pass


class Joiner:
    """A join method that keeps what it returns."""
    def __init__(self):
        self.last = None

    def join(self, items):
        self.last = "+".join(items)
        return self.last


def encode_lines(lines):
    return "\n".join(lines).encode("ascii")


def encode_default(sep, items):
    return sep.join(items).encode()


def encode_names(items):
    return ("-".join(items).encode("utf-8"), "-".join(items).encode("latin-1"),
            "-".join(items).encode("UTF8"), "-".join(items).encode("US-ASCII"))


def encode_other(items):
    return ("-".join(items).encode("cp1252"), "-".join(items).encode("ascii", "strict"),
            "-".join(items).encode(encoding="ascii"), str.join("-", items).encode())


def pick(flag, items):
    return (KEPT if flag else ",".join(items)).encode("ascii")


def gen_encodes(rows):
    for row in rows:
        yield ":".join(row).encode()
        yield "".join(str(x) for x in row).encode("ascii")


def failing(n):
    for i in range(n):
        yield str(i)
    raise ValueError("item %d" % n)


# run once, before any warm-up
print(encode_lines(["a", "b", "c"]), type(encode_lines(["x"])).__name__)
print(encode_default("", []), encode_default("", ()), encode_default(", ", ("p", "q")))
one = "alone"
b = encode_default("::", [one])
print(b, type(one).__name__, one, one.upper())
t = ("solo",)
print(encode_default("-", t), t, type(t[0]).__name__)
s = S("sub")
print(encode_default("", [s]), type(s).__name__, s)
print(encode_names(["caf", "e"]), encode_other(["a", "b"]))

# warm the sites up, then change what flows through them
for i in range(60):
    encode_lines([str(i), "z"])
    encode_default(",", [str(i), "y"])
    pick(i % 2, ["m", str(i)])
print(pick(True, ["m"]), pick(False, ["m", "n"]), KEPT, type(KEPT).__name__, KEPT + "!")
j = Joiner()
print(encode_default(j, ["u", "v"]), j.last, type(j.last).__name__)
print(encode_default(S("|"), ["u", "v"]), encode_default(",", [S("w")]))
try:
    encode_default(b"-", [b"a", b"b"])
except AttributeError as e:
    print("AttributeError:", e)
try:
    encode_default("-", ["a", 1])
except TypeError as e:
    print("TypeError:", e)
for sep in (",", j, "", S("/"), ","):
    print(encode_default(sep, ["p", "q"]), end=" ")
print(j.last)

# non-ASCII: UTF-8 encodes it, ASCII raises with the str as its object
print(encode_default("-", ["\u00e9", "\u65e5"]), "-".join(["\u00e9", "x"]).encode("utf-8"))
try:
    encode_lines(["caf\u00e9", "ok"])
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e.reason, e.start, e.end, repr(e.object), type(e.object).__name__)

# a join that raises: the traceback's line, the frame still usable
try:
    encode_default("-", failing(3))
except ValueError as e:
    print("ValueError:", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)

# inside a generator, and big texts that a collection must keep whole
print(list(gen_encodes([("a", "b"), ("c",), (), ("d", "e", "f")])))
lines = ["line %05d of the text" % i for i in range(60000)]
big = encode_lines(lines)
gc.collect()
print(type(big).__name__, len(big), big[:21], big[-21:], hash(big) == hash(bytes(big)))
again = [encode_lines(lines[:k]) for k in (1, 2, 30000)]
gc.collect()
print([len(x) for x in again], again[0], big == b"\n".join(x.encode() for x in lines))
print(lines[0], lines[-1], type(lines[0]).__name__)

# traced: the trace loop runs the base instructions, line by line
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("encode_lines", "pick"):
        events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


sys.settrace(tracer)
print(encode_lines(["t1", "t2"]), pick(False, ["t"]), pick(True, []))
sys.settrace(None)
print(events)
print(encode_lines(["after", "trace"]))
