# generator expressions: laziness, single pass, scoping of the first iterable, nesting
calls = []
def src(n):
    for i in range(n):
        calls.append(i)
        yield i
g = (x * 2 for x in src(5))
print(type(g).__name__, calls)
print(next(g), next(g), calls)
print(list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(list((i, j) for i in range(3) for j in range(i)))
print(list(x for x in range(20) if x % 3 == 0 if x % 2 == 0))
print(", ".join(str(n) for n in [3, 1, 2]))
print(dict((k, len(k)) for k in ["one", "three"]))
print(sorted(x % 7 for x in range(20)))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]))
try:
    (1 / x for x in [1, 0])
    print("not evaluated yet")
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
nested = ((y for y in range(x)) for x in range(4))
print([list(n) for n in nested])
x = 10
g2 = (x + i for i in range(3))
x = 20
print(list(g2))
gen = (c.upper() for c in "abc")
print(next(gen), "|", "".join(gen))
print(tuple(a * b for a, b in zip([1, 2, 3], [4, 5, 6])))
