# __call__: callable instances, memoizing objects, callable(), call with args/kwargs
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *more, scale=1):
        return (self.n + x + sum(more)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10))
print(list(map(add5, [1, 2, 3])))
print(callable(add5), callable(Adder), callable(5), callable(print), callable("s"))
class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
        self.hits = 0
    def __call__(self, n):
        if n in self.cache:
            self.hits += 1
            return self.cache[n]
        v = self.f(n)
        self.cache[n] = v
        return v
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.hits, len(fib.cache))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
class Chain:
    def __init__(self, path=()):
        self.path = path
    def __getattr__(self, name):
        return Chain(self.path + (name,))
    def __call__(self, *args):
        return "/".join(self.path) + str(args)
print(Chain().users.list(1, 2))
class Counter:
    calls = 0
    def __call__(self):
        Counter.calls += 1
        return Counter.calls
c = Counter()
print([c() for _ in range(4)])
print(sorted([3, 1, 2], key=Adder(0)))
