# RecursionError at the limit, also through C re-entry and generators; the uncaught traceback.
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught:", e)
def viakey(n):
    return sorted([1], key=lambda x: viakey(n + 1))
try:
    viakey(0)
except RecursionError as e:
    print("caught via C:", e)
def g(n):
    yield from g(n + 1)
    yield n
try:
    next(g(0))
except RecursionError as e:
    print("caught gen:", e)
down(0)
