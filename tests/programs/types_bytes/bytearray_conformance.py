# test_bytes cases: empty extended slices, an __index__ that shrinks the
# bytearray, __alloc__, and bytes * 1 keeping the object.
import sys

# b[i:j:k] = [] where the slice is empty (step not 1) changes nothing,
# as del does; for any start, stop and step, as a list does.
indices = (0, None, 1, 3, 19, 300, 1 << 333, sys.maxsize, -1, -2, -31, -300)
bad = 0
for start in indices:
    for stop in indices:
        for step in indices[1:]:
            L = list(range(40))
            b = bytearray(L)
            data = L[start:stop:step]
            data.reverse()
            L[start:stop:step] = data
            b[start:stop:step] = data
            bad += b != bytearray(L)
            del L[start:stop:step]
            del b[start:stop:step]
            bad += b != bytearray(L)
print("slice mismatches:", bad)
b = bytearray(b"abc")
b[0:1:-1] = b""
b[2:0:2] = []
print(b)
try:
    b[0:1:-1] = b"x"
except ValueError as e:
    print("ValueError:", e)


# The value is converted before the index is checked (gh-91153).
class Boom:
    def __index__(self):
        b.clear()
        return 0


b = bytearray(b"Now you see me...")
try:
    b[0] = Boom()
except IndexError as e:
    print("IndexError:", e)
b = bytearray(b"ab")
for key, value in ((5, 300), (5, "x"), ("k", 3), (-3, 1)):
    try:
        b[key] = value
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)

# __alloc__: more than the length (CPython counts a trailing NUL).
b = bytearray()
print(b.__alloc__() >= 0)
grew = True
for i in range(100):
    b += b"x"
    grew = grew and b.__alloc__() > len(b)
print("alloc above length:", grew)
print(bytearray(10).__alloc__() > 10)

# bytes * 1 is the same object; a subclass's is a new one.
a = b"123abc1@"
print(a * 1 is a, 1 * a is a, a * 2 is a, a * 0 is a)


class SubBytes(bytes):
    pass


s = SubBytes(b"qwerty")
print(s * 1 is s, type(s * 1).__name__)
ba = bytearray(b"xy")
print(ba * 1 is ba)
