# FOR_ITER inside comprehensions (3.12 inlines them: no GET_ITER right before, so the countdown specializes it) with another iterator on the next call, lists growing mid-loop, and method calls whose guards fail mid-loop
def squares(seq):
    return [x * x for x in seq]


def pairs(seq):
    return {x: i for i, x in enumerate(seq)}


def gen(n):
    for i in range(n):
        yield i


sources = [list(range(4)), tuple(range(4)), range(4), gen(4), iter([5, 6]), [], (), range(0)]
for rnd in range(3):
    total = []
    for src in sources if rnd == 0 else [list(range(3)), range(2), gen(2), (7,)] * 20:
        total.append(sum(squares(src)))
    print(rnd, total[:8], sum(total), pairs("abc"), [y for y in squares(range(3)) if y])

lst = [1, 2, 3]
for x in lst:                           # appended items are seen
    if len(lst) < 8:
        lst.append(x * 10)
print(lst)
grow = [0]
print([grow.append(i + 1) or i for i in grow if i < 5], grow)


class A:
    def m(self):
        return "A.m"


class B(A):
    pass


def other(self):
    return "replaced"


objs = [A(), B(), A()]
out = []
for i in range(40):
    o = objs[i % 3]
    if i == 15:
        A.m = other                     # the class changes
    if i == 25:
        objs[0].m = lambda: "own"       # the instance shadows it
    if i == 33:
        del A.m                         # gone: AttributeError
    try:
        out.append(o.m())
    except AttributeError as e:
        out.append(str(e))
print(out)

import math


class Floors:
    @staticmethod
    def floor(x):
        return "static"


class Inst:
    def floor(self, x):
        return "bound"


fns = []
for i in range(40):
    owner = math if i < 10 else Floors if i < 20 else Inst() if i < 30 else "x"
    try:
        fns.append(owner.floor(2.5))    # one site: module, class, instance, str
    except AttributeError as e:
        fns.append(type(e).__name__)
print(fns)


def nested(n):
    return [[j for j in range(i)] for i in range(n)]


print(nested(4), sum(len(r) for r in nested(30)))
