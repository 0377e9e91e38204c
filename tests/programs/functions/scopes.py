# Local, global and builtin scopes; the global statement.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

for _ in range(5):
    bump()
print("counter", counter)

x = "global"
def read_global():
    return x

def shadow():
    x = "local"
    return x

print(read_global(), shadow(), x)

def set_many():
    global a_new, b_new
    a_new = 1
    b_new = [2]

set_many()
print(a_new, b_new)

def uses_builtin():
    return len("four"), abs(-2), max(1, 2)

print(uses_builtin())

total = 100
def compute(values):
    total = 0
    for v in values:
        total += v
    return total

print(compute([1, 2, 3]), total)

cache = {}
def memo_fib(n):
    if n in cache:
        return cache[n]
    r = n if n < 2 else memo_fib(n - 1) + memo_fib(n - 2)
    cache[n] = r
    return r

print(memo_fib(90), len(cache))
