# fib.py — recursive Fibonacci: measures Python-to-Python calls, frame push/pop,
# small-int compare/add and global lookups (fib is a global name).
N = 34  # small: 23

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(N))
