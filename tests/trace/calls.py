# Calls: recursion, default and keyword arguments, *args, a method-less closure.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def greet(name, punctuation="!", *, times=1):
    return (f"Hello, {name}{punctuation} " * times).strip()


def total(*numbers, **named):
    return sum(numbers) + sum(named.values())


print(fib(6))
print(greet("world"))
print(greet("pvm", punctuation="?", times=2))
print(total(1, 2, 3, x=4))
