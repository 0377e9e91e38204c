# list.sort and sorted() comparing by a Python __lt__ (each comparison a
# call from C into a Python method), over inputs made of natural runs:
# ascending, strictly descending (reversed in place, equal keys kept in
# order), runs that barely overlap (the merge trims them first), and what a
# fast path could get wrong: NotImplemented, a raising or non-bool __lt__,
# a reflected __gt__ of a subclass, __lt__ reassigned mid-sort, the list
# mutated during the sort, key= functions and mixed types.
import random


class Q:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __lt__(self, other):
        if other.__class__ is self.__class__:
            return (self.x, self.y) < (other.x, other.y)
        return NotImplemented

    def __repr__(self):
        return "Q(%r, %r)" % (self.x, self.y)


def keys(qs):
    return [(q.x, q.y) for q in qs]


r = random.Random(7)
# Runs of 97 (as bench/real_programs/lt_sort.py), then shapes of runs.
ps = [Q(i % 97, i % 13) for i in range(3000)]
print(keys(sorted(ps)) == sorted(keys(ps)), sorted(ps)[:3])
for n in (2, 3, 63, 64, 65, 130, 1000, 2500):
    asc = [Q(i // 3, 0) for i in range(n)]
    desc = asc[::-1]
    tail = asc + [Q(r.randrange(n), 1) for _ in range(5)]
    saw = [Q(i % 40 if (i // 40) % 2 == 0 else 40 - i % 40, i) for i in range(n)]
    rnd = [Q(r.randrange(10), i) for i in range(n)]
    for name, xs in (("asc", asc), ("desc", desc), ("tail", tail), ("saw", saw), ("rnd", rnd)):
        ids = {id(q): i for i, q in enumerate(xs)}
        s = sorted(xs)
        # Stable: equal keys in their first order, both ways round.
        def ordered(a, b, before):
            ka, kb = (a.x, a.y), (b.x, b.y)
            return before(ka, kb) or ka == kb and ids[id(a)] < ids[id(b)]
        stable = all(ordered(a, b, lambda u, v: u < v) for a, b in zip(s, s[1:]))
        rev = sorted(xs, reverse=True)
        rstable = all(ordered(a, b, lambda u, v: u > v) for a, b in zip(rev, rev[1:]))
        print(n, name, stable, rstable, keys(s) == sorted(keys(xs)), keys(s[:2]))

# A strictly descending run with equal keys in it: equal keys keep their order.
tagged = [(5, "a"), (4, "b"), (4, "c"), (3, "d"), (3, "e"), (1, "f")]
print(sorted(tagged, key=lambda t: t[0]))
print(sorted(tagged, key=lambda t: -t[0]))


# __lt__ returning NotImplemented: the reflected __gt__ answers.
class Gt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return NotImplemented

    def __gt__(self, other):
        return self.v > other.v

    def __repr__(self):
        return "Gt(%d)" % self.v


print(sorted([Gt(3), Gt(1), Gt(2), Gt(1), Gt(0)]))


# Neither side answers.
class Never:
    def __lt__(self, other):
        return NotImplemented


try:
    sorted([Never(), Never()])
except TypeError as e:
    print("TypeError", e)

# Mixed types.
for xs in ([1, "a"], ["a", 1], [Q(1, 1), 3], [2, 1.5, True, 0.25, -1]):
    try:
        print(sorted(xs))
    except TypeError as e:
        print("TypeError", e)


# A subclass with a reflected __gt__: for a < b where b's type is a subclass
# of a's overriding __gt__, b.__gt__(a) is asked first.
class Base:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "%s(%d)" % (type(self).__name__, self.v)


asked = []


class Sub(Base):
    def __gt__(self, other):
        asked.append("gt")
        return self.v > other.v


print(sorted([Base(2), Sub(1), Base(0), Sub(3)]), "gt" in asked)


# __lt__ raising: the exception comes out of the sort.
class Boom:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 13 or other.v == 13:
            raise KeyError("thirteen")
        return self.v < other.v


xs = [Boom(i) for i in range(40)]
r.shuffle(xs)
try:
    xs.sort()
except KeyError as e:
    print("KeyError", e, len(xs), sorted(b.v for b in xs) == list(range(40)))


# __lt__ returning something that is not a bool: its truth decides.
class Truthy:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return [1] if self.v < other.v else []


print([t.v for t in sorted(Truthy(v) for v in (4, 2, 9, 2, 0))])


class BadTruth:
    def __bool__(self):
        raise ValueError("no truth")


class UsesBad:
    def __lt__(self, other):
        return BadTruth()


try:
    sorted([UsesBad(), UsesBad()])
except ValueError as e:
    print("ValueError", e)


# __lt__ reassigned on the class mid-sort: the next comparison calls the new one.
class R:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        R.calls += 1
        if R.calls == 10:
            R.__lt__ = R.later
        return self.v < other.v

    def later(self, other):
        R.used_later = True
        return self.v < other.v


R.used_later = False
rs = [R(v) for v in range(200, 0, -3)] + [R(v) for v in range(100)]
print([x.v for x in sorted(rs)][:8], R.used_later)


# The list mutated during the sort: ValueError after the sort.
victim = [Q(i % 5, i) for i in range(50)]


class Grab:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if len(victim2) == 0:
            victim2.append(self)
        return self.v < other.v


victim2 = [Grab(i % 7) for i in range(60)]
try:
    victim2.sort()
except ValueError as e:
    print("ValueError", e, len(victim2))


# The list looks empty to key functions, which see no items.
def peek(q):
    seen.append(len(victim))
    return (q.y, q.x)


seen = []
victim.sort(key=peek)
print(set(seen), keys(victim[:4]))


def mutating_key(q):
    victim.append(q)
    return q.x


try:
    victim.sort(key=mutating_key)
except ValueError as e:
    print("ValueError", e, len(victim))

# key= returning Q objects, reverse=, a key that raises.
words = ["pear", "fig", "apple", "kiwi", "date", "plum", "fig"]
print(sorted(words, key=lambda w: Q(len(w), w)))
print(sorted(words, key=lambda w: Q(len(w), w), reverse=True))
try:
    sorted(words, key=lambda w: 1 / (len(w) - 4))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


# Keys all of one type are compared through that type's slot, and a
# NotImplemented from it takes the full protocol, which asks __lt__ again
# before the reflected __gt__ (CPython's unsafe_object_compare).
class Counted:
    lt_calls = gt_calls = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Counted.lt_calls += 1
        return NotImplemented

    def __gt__(self, other):
        Counted.gt_calls += 1
        return self.v > other.v


cs = sorted(Counted(v) for v in (5, 3, 8, 1, 9, 2, 7, 3))
print([c.v for c in cs], Counted.lt_calls == 2 * Counted.gt_calls)

# One C type throughout: lists, bytes, None (unordered), sets.
print(sorted([[2, 1], [1, 5], [1, 2, 3], [], [1, 2]]))
print(sorted([b"pear", b"apple", b"fig"]), sorted([3 + 0j]))
for xs in ([None, None], [3 + 1j, 1j], [object(), object()]):
    try:
        sorted(xs)
    except TypeError as e:
        print("TypeError", str(e).replace(hex(id(xs[0])), "X"))
print(sorted([{1, 2, 3}, {1}, {1, 2}], key=len))


# An item's __class__ reassigned during the sort: from then on the items
# are of two types and the full protocol decides.
class Up:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 7 and type(self) is Up:
            self.__class__ = Down
        return self.v < other.v


class Down(Up):
    def __gt__(self, other):
        Down.used = True
        return self.v > other.v


Down.used = False
ups = [Up(v) for v in range(40, 0, -1)] + [Up(v) for v in range(20)]
res = sorted(ups, key=lambda u: u)
print(sorted(u.v for u in res) == sorted(u.v for u in ups), Down.used,
      sum(type(u) is Down for u in ups))


# A sort inside __lt__ (each comparison sorts again, nested once).
class Nest:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return sorted([other.v, self.v])[0] == self.v != other.v


print([n.v for n in sorted(Nest(v) for v in (4, 1, 3, 1, 2))])
