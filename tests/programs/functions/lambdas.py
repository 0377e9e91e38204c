# lambdas: defaults, closures, immediately-invoked, in sort keys, conditional expressions
sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2))
print(sq.__name__, (lambda: 0).__qualname__)
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
print(sorted(pairs, key=lambda p: (-p[0], p[1])))
print(sorted(["bb", "a", "ccc", "dd"], key=lambda s: (len(s), s)))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda s: s.startswith("p"), ["py", "c", "perl"])))
sign = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-5, 0, 5)])
make_adder = lambda n: lambda x: x + n
add3 = make_adder(3)
print(add3(4), make_adder(10)(5))
compose = lambda *fs: (lambda x: [x := f(x) for f in fs][-1])
print(compose(lambda x: x + 1, lambda x: x * 2, str)(5))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in sorted(ops.items())})
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
Y = lambda f: (lambda x: f(lambda *a: x(x)(*a)))(lambda x: f(lambda *a: x(x)(*a)))
print(Y(lambda rec: lambda n: n if n < 2 else rec(n - 1) + rec(n - 2))(15))
print((lambda x, /, y, *, z: (x, y, z))(1, y=2, z=3))
