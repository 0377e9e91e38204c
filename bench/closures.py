# closures.py — closures and higher-order functions: counters with nonlocal
# state, function factories, composition, and functions passed to map/filter.
# Measures MAKE_FUNCTION with closures, cell loads and stores
# (LOAD_DEREF/STORE_DEREF), and calls of freshly made functions.
N = 1000000  # small: 20000

def make_counter(step):
    count = 0
    def inc():
        nonlocal count
        count += step
        return count
    return inc

def make_adder(k):
    return lambda x: x + k

def compose(f, g):
    def h(x):
        return f(g(x))
    return h

def make_accumulator():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def total():
        return sum(items)
    return add, total

counter = make_counter(3)
add, total = make_accumulator()
acc = 0
for i in range(N):
    acc += counter()
    f = compose(make_adder(i % 7), make_adder(1))
    acc += f(i)
    if i % 10 == 0:
        add(i)
inc_all = list(map(make_adder(5), range(N // 10)))
odd = list(filter(lambda x: x & 1, inc_all))
print(acc % 1000000007, total(), len(odd), sum(odd))
