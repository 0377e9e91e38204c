# Recursive functions: factorial, fibonacci, hanoi, permutations, ackermann.
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fact(i) for i in range(12)])
print([fib(i) for i in range(20)])

moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src)

hanoi(4, "A", "C", "B")
print(len(moves), moves[:5])

def perms(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            out.append([items[i]] + p)
    return out

print(perms([1, 2, 3]))
print(len(perms(list("abcde"))))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(2, 3), ackermann(2, 10))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(800))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(100), is_odd(77), is_even(7))

def flatten(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for item in x:
        out += flatten(item)
    return out

print(flatten([1, [2, [3, [4, []]], 5], [[6]]]))
