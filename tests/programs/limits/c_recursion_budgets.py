# How deep a recursion that stays in C may go before RecursionError: nested
# tuples compared, nested lists printed (by %-formatting: CPython counts a
# call of the repr() builtin as one more level).  3.11 counts each level against sys.getrecursionlimit(); 3.12
# and 3.13 against a C budget of their own (1500 and 10000 units), whatever
# the limit.  Each probe prints the deepest nesting that works, near the
# version's budget, and the error just past it.
import sys

BUDGET = {(3, 11): 1000, (3, 12): 1500}.get(sys.version_info[:2], 10000)


def nested(kind, n):
    a = b = kind()
    for _ in range(n):
        a = kind([a])
        b = kind([b])
    return a, b


def deepest(attempt):
    """The deepest n near BUDGET for which attempt(n) works, and the error after it."""
    best, error = None, None
    for n in range(BUDGET - 12, BUDGET + 3):
        try:
            attempt(n)
            best = n
        except RecursionError as e:
            error = str(e)
            break
    return best, error


def compare(n):
    a, b = nested(tuple, n)
    return a == b


def show(n):
    a, _ = nested(list, n)
    return len("%r" % (a,))


print("tuples compared:", deepest(compare))
print("lists printed:", deepest(show))
print("from a function:", (lambda: deepest(compare))())
print("after:", sys.getrecursionlimit(), compare(50), show(50))
