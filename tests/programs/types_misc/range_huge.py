# Ranges longer than the tagged-int range: len() up to sys.maxsize, indexing and slicing in Python ints; slice.indices() with huge lengths
import sys
a = -sys.maxsize; b = sys.maxsize
x = range(a, b)
print(a in x, b in x, bool(x), x[0])
idx = sys.maxsize+1
print(x[idx], x[idx:idx+1][0])
try: x[-(b-a)-1]
except IndexError as e: print('IE', e)
try: len(x)
except OverflowError as e: print('OE', e)
x = range(0, 2 * sys.maxsize)
print(x[sys.maxsize], x[-1], x[sys.maxsize:][0], list(x[-3:]))
x = range(-sys.maxsize, sys.maxsize, 3)
print(x[-1], x[len(x) - 1])
print(slice(None).indices(2**100), slice(-2**100, 2**100, 3).indices(10), slice(None, None, -1).indices(2**70), slice(5).indices(2**64))
for bad in [lambda: slice(1, 2, 0).indices(5), lambda: slice(1).indices(-1), lambda: slice('a').indices(3)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(range(10**20)[::-1][:3], range(0, 10**20, 7)[10**18:][:2], len(range(2**62, 2**63 - 1)))
