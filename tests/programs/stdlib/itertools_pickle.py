# itertools objects pickle and copy as CPython's (__reduce__/__setstate__), part-consumed too, and subclass
import pickle, copy, operator
from itertools import *

def first(a, b):
    return a

def small(x):
    return x < 5

def shape(x):
    if isinstance(x, tuple):
        return tuple(shape(e) for e in x)
    if isinstance(x, (int, str, float, type(None), list)):
        return x
    return type(x).__name__

def consume(it, take, groups):
    if groups:
        return [(k, list(g)) for k, g in islice(it, take)]
    return list(islice(it, take))

def check(name, it, skip=1, take=6, groups=False):
    for _ in range(skip):
        next(it, None)
    r = it.__reduce__()
    outs = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        outs.append(consume(pickle.loads(pickle.dumps(it, proto)), take, groups))
    outs.append(consume(copy.deepcopy(it), take, groups))
    same = all(o == outs[0] for o in outs)
    print(name, shape(r), outs[0], same)

check("count", count(5))
check("count_step", count(1.5, 0.5))
check("cycle", cycle("abc"), skip=4)
check("cycle0", cycle("abc"), skip=0)
check("repeat", repeat("x", 4))
check("repeat_inf", repeat(7))
check("islice", islice(range(20), 2, 15, 3))
check("islice_done", islice(range(3), 2), skip=5)
check("chain", chain("ab", "cde"), skip=3)
check("chain_done", chain("a"), skip=2)
check("product", product("ab", range(3)), skip=2)
check("product_done", product("a"), skip=2)
check("combinations", combinations(range(5), 3), skip=2)
check("cwr", combinations_with_replacement("abc", 2), skip=3)
check("permutations", permutations(range(4), 2), skip=5)
check("accumulate", accumulate([1, 2, 3, 4, 5]), skip=2)
check("accumulate_init", accumulate([1, 2, 3], operator.mul, initial=10), skip=0)
check("accumulate_none", accumulate([None, None], first), skip=1)
check("groupby", groupby("aabbbc"), skip=1, groups=True)
g = groupby("aabbbc"); k, grp = next(g); next(grp)
print(list(pickle.loads(pickle.dumps(grp))), [(k, list(x)) for k, x in copy.deepcopy(g)])
check("zip_longest", zip_longest("ab", "wxyz", fillvalue="-"), skip=3)
check("starmap", starmap(pow, [(2, 3), (3, 2), (4, 2)]))
check("takewhile", takewhile(small, range(10)), skip=2)
check("dropwhile", dropwhile(small, range(10)), skip=2)
check("filterfalse", filterfalse(None, [0, 1, 0, 2, 0]), skip=1)
check("compress", compress("abcdef", [1, 0, 1, 1, 0, 1]), skip=1)
print(repr(count(3)), repr(count(2, 3)))

c = cycle("defg"); c.__setstate__((list("abc"), 0)); print(list(islice(c, 10)))
c = cycle("defg"); c.__setstate__((list("abc"), 1)); print(list(islice(c, 10)))
it = chain(); it.__setstate__((iter(["abc", "def"]), iter(["ghi"]))); print(list(it))
for bad in [(), [], 0, ([],), (iter([]), [])]:
    try:
        chain().__setstate__(bad)
    except TypeError as e:
        print("TypeError", type(bad).__name__)
p = product((1, 2), (3, 4)); p.__setstate__((0, 0x1000)); print(list(p))
print(operator.length_hint(repeat(None, 5)), operator.length_hint(repeat(None), 12))

class MyCycle(cycle):
    def __init__(self, *args, newarg=None):
        self.newarg = newarg
u = MyCycle([1, 2], newarg=3)
print(type(u).__name__, list(islice(u, 5)), u.newarg)
class MyChain(chain):
    pass
try:
    MyChain([1], newarg=3)
except TypeError as e:
    print(e)
class MyMap(map):
    def __init__(self, *a, tag=None):
        self.tag = tag
print(list(MyMap(str, [1, 2], tag=1)), MyMap(str, [], tag=5).tag)
print(list(islice(range(100), operator.index(3))), list(islice("abcdef", True, None)))
