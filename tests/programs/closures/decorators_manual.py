# Higher-order functions that wrap others (decorator syntax included).
calls = []

def traced(fn):
    def wrapper(x):
        calls.append(x)
        result = fn(x)
        return result
    return wrapper

def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(100), fib(150))

@traced
def double(x):
    return 2 * x

print(double(4), double(21), calls)

def repeat(times):
    def deco(fn):
        def wrapper(x):
            for _ in range(times):
                x = fn(x)
            return x
        return wrapper
    return deco

@repeat(3)
def shout(s):
    return s.upper() + "!"

print(shout("hey"))

def counter_deco(fn):
    count = 0
    def wrapper(a, b):
        nonlocal count
        count += 1
        return fn(a, b), count
    return wrapper

@counter_deco
def add(a, b):
    return a + b

print(add(1, 2), add(3, 4), add("x", "y"))
