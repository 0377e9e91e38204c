# s += t appends in place when only the local holds s: every way a str can be shared must still see its old value
import sys

def concat(n):
    s = ""
    for i in range(n):
        s += chr(97 + i % 26)
        if len(s) > 500:
            s = s[250:]
    return s

a = concat(3000)
b = concat(3000)
print(a == b, len(a), a[:12], a[-12:], a.count("abc"), hash(a) == hash(b))

def add_x(s):
    s += "x"
    return s

x = add_x("ab")
y = add_x(x)
z = add_x(x)
print(x, y, z, x is y)

def kept_in_list():
    s = ""
    keep = []
    for i in range(6):
        s += str(i)
        keep.append(s)
    return keep

print(kept_in_list())

def aliased():
    s = "a"
    t = None
    for i in range(4):
        s += "b"
        t = s
    s += "c"
    return s, t

print(aliased())

def via_f_locals():
    s = ""
    fr = sys._getframe()
    out = []
    for i in range(4):
        s += "z"
        out.append(fr.f_locals["s"])
    return out

print(via_f_locals())

def via_locals():
    s = ""
    out = []
    for i in range(4):
        s += "k"
        out.append(locals()["s"])
    return out

print(via_locals())

def as_dict_key():
    s = ""
    d = {}
    for i in range(4):
        s = s + "q"
        d[s] = len(s)
    return d

print(as_dict_key())

def non_ascii():
    s = ""
    r = []
    for i in range(6):
        s += "é" if i == 2 else "a"
        r.append(s)
    return r

print(non_ascii())

def self_append():
    s = "a"
    for i in range(4):
        s += s + "."
    return s

print(self_append())

def reads_itself():
    s = "ab"
    seen = []
    for i in range(3):
        s += seen.append(s) or "c"
    return s, seen

print(reads_itself())

def gen():
    s = "x"
    for i in range(3):
        s += (yield s)
    return s

g = gen()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send("c")
except StopIteration as e:
    print("returned", e.value)

def gen_frame():
    s = ""
    for i in range(3):
        s += "g"
        yield
g = gen_frame()
snap = []
for _ in g:
    snap.append(g.gi_frame.f_locals["s"])
print(snap)

def captured():
    s = ""
    def show():
        return s
    out = []
    for i in range(3):
        s += "c"
        out.append(show())
    return out

print(captured())

def traceback_frame():
    s = ""
    for i in range(3):
        s += "t"
    raise ValueError(s)

try:
    traceback_frame()
except ValueError as e:
    fr = e.__traceback__.tb_next.tb_frame
    held = fr.f_locals["s"]
print(held)

def with_tracer():
    s = ""
    for i in range(3):
        s += "r"
    return s

seen = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "with_tracer" and "s" in frame.f_locals:
        seen.append(frame.f_locals["s"])
    return tracer
sys.settrace(tracer)
r = with_tracer()
sys.settrace(None)
print(r, seen)

kept = []
def len(v):
    kept.append(v)
    return 0

def shadowed_len():
    s = ""
    for i in range(3):
        s += "L"
        len(s)
    return s

print(shadowed_len(), kept)
del len

def long_strings():
    s = ""
    pieces = []
    for i in range(2000):
        s += "%04d" % i
        if i % 500 == 0:
            pieces.append(s)
    return [p[-8:] for p in pieces], [__builtins__.len(p) if hasattr(__builtins__, "len") else p.__len__() for p in pieces], s[-8:]

print(long_strings())

def in_try():
    s = ""
    for i in range(3):
        try:
            s += "y" + str(1 // (i - 1))
        except ZeroDivisionError:
            s += "!"
    return s

print(in_try())

class Weird(str):
    pass

def subclass_left():
    s = Weird("w")
    for i in range(3):
        s += "v"
    return s, type(s).__name__

print(subclass_left())
