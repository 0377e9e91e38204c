# RecursionError through C re-entry (map calling a Python function), uncaught.
def f(n):
    return list(map(f, [n + 1]))
f(0)
