# closures: shared cells between sibling functions, late binding, cells in loops and classes
def make_pair():
    value = []
    def put(v):
        value.append(v)
    def take():
        return value.pop(0) if value else None
    return put, take
put, take = make_pair()
put(1); put(2)
print(take(), take(), take())
def bank(balance):
    def deposit(n):
        nonlocal balance
        balance += n
        return balance
    def withdraw(n):
        nonlocal balance
        if n > balance:
            raise ValueError("insufficient: have %d, need %d" % (balance, n))
        balance -= n
        return balance
    return deposit, withdraw
dep, wd = bank(100)
print(dep(50), wd(30))
try:
    wd(500)
except ValueError as e:
    print("ValueError:", e)
adders = []
for n in range(3):
    adders.append(lambda x, n=n: x + n)
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in adders], [f(10) for f in late])
def counter_class():
    count = 0
    class C:
        def bump(self):
            nonlocal count
            count += 1
            return count
    return C
C = counter_class()
a, b = C(), C()
print(a.bump(), b.bump(), a.bump())
def memoize(f):
    cache = {}
    def w(*a):
        if a not in cache:
            cache[a] = f(*a)
        return cache[a]
    w.cache = cache
    return w
@memoize
def paths(r, c):
    return 1 if r == 0 or c == 0 else paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), len(paths.cache))
def outer():
    x = 1
    def reader():
        return x
    x = 2
    return reader
print(outer()())
