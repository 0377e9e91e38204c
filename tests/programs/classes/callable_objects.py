# __call__ on instances; callable(); functions stored as attributes
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(2, scale=10))
print(callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2, 3])))
print(sorted([3, 1, 2], key=Adder(-1)))

class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
        self.calls = 0
    def __call__(self, n):
        if n not in self.cache:
            self.calls += 1
            self.cache[n] = self.f(n)
        return self.cache[n]

@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.calls)

class Holder:
    pass
h = Holder()
h.func = lambda x: x + 1
print(h.func(1))
try:
    Holder()()
except TypeError as e:
    print(e)
