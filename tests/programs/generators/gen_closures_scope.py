# generators capturing variables, multiple independent instances, generators of generators
def make_gens():
    gens = []
    for i in range(3):
        def g(i=i):
            for j in range(i):
                yield i * 10 + j
        gens.append(g)
    return gens
print([list(g()) for g in make_gens()])
def counter(start):
    while True:
        start += 1
        yield start
a, b = counter(0), counter(100)
print(next(a), next(a), next(b), next(a), next(b))
def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
print(list(chunks("abcdefgh", 3)), list(chunks(list(range(7)), 2)))
def gen_of_gens(n):
    for i in range(n):
        yield (i * j for j in range(4))
print([list(g) for g in gen_of_gens(3)])
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave("abc", range(5), [True])))
def running_max(it):
    best = None
    for x in it:
        if best is None or x > best:
            best = x
        yield best
print(list(running_max([3, 1, 4, 1, 5, 9, 2, 6])))
def unique(it):
    seen = set()
    for x in it:
        if x not in seen:
            seen.add(x)
            yield x
print(list(unique([3, 1, 3, 2, 1, 5])), "".join(unique("mississippi")))
