# exceptions.py — exceptions in a loop: raise and catch built-in exceptions
# (ValueError, KeyError, ZeroDivisionError, IndexError) under try/except/else,
# including exceptions raised by the runtime and caught one frame up. Measures
# exception creation, the 3.11 exception table lookup, PUSH_EXC_INFO/POP_EXCEPT
# and CHECK_EXC_MATCH.
N = 720000  # small: 20000

def parse(s):
    if not s.isdigit():
        raise ValueError(s)
    return int(s)

def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1

def safe_div(a, b):
    try:
        q = a // b
    except ZeroDivisionError:
        return 0
    else:
        return q

table = {i: i * i for i in range(0, 1000, 3)}
items = [str(i) if i % 5 else "x" + str(i) for i in range(100)]
errors = 0
total = 0
for i in range(N):
    try:
        total += parse(items[i % 100])
    except ValueError as e:
        errors += 1
        total += len(e.args[0])
    total += lookup(table, i % 1000)
    total += safe_div(i, i % 4)
    try:
        total += len(items[i % 128])
    except IndexError:
        errors += 1
print(total, errors)
