# set/frozenset and dict reuse a key's stored hash (no second __hash__ call)
# when one is built from the other; set.__init__ empties the set first; a
# frozenset subclass's own __init__ may take keywords.

class Counted(int):
    calls = 0

    def __hash__(self):
        Counted.calls += 1
        return int.__hash__(self)


def hashes(label, f):
    before = Counted.calls
    result = f()
    print(label, Counted.calls - before)
    return result


d = hashes("dict.fromkeys(map)", lambda: dict.fromkeys(map(Counted, range(6))))
s = hashes("set(dict)", lambda: set(d))
f = hashes("frozenset(dict)", lambda: frozenset(d))
hashes("set.difference(dict)", lambda: s.difference(d))
hashes("set.symmetric_difference_update(dict)", lambda: s.symmetric_difference_update(d))
print(sorted(s))
hashes("dict.fromkeys(set)", lambda: dict.fromkeys(set(d)))
r = hashes("dict.fromkeys(frozenset, 7)", lambda: dict.fromkeys(f, 7))
print(sorted(r.items()))
print(r == dict.fromkeys(d, 7))
hashes("dict.fromkeys(dict)", lambda: dict.fromkeys(d))


class Sub(dict):
    pass


# A subclass of dict goes through __setitem__: each key is hashed again.
print(type(hashes("Sub.fromkeys(set)", lambda: Sub.fromkeys(f))).__name__)

# set.__init__ refills from scratch.
s = set("abc")
s.__init__("xy")
print(sorted(s))
s.__init__()
print(s)
for bad in ((s, 2), (1,)):
    try:
        s.__init__(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    s.__init__(iterable=())
except TypeError as e:
    print("TypeError:", e)


class WithInit(frozenset):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


class Plain(frozenset):
    pass


w = WithInit([1, 2], newarg=3)
print(type(w).__name__, sorted(w), w.newarg)
for call in (lambda: Plain(sequence=()), lambda: frozenset(sequence=()),
             lambda: WithInit([1], [2], newarg=3)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
