# slice objects: attributes, indices() for every sign, slicing with slice(), a zero step, unhashable slices; Ellipsis and NotImplemented
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), s == slice(1, 10, 2))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(-100, 100).indices(3))
print("abcdef"[slice(1, None, 2)], [0, 1, 2, 3][slice(-2, None)], (1, 2, 3)[::slice(None, None, -1).step or 1])
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print(e)
try:
    hash(slice(1))
except TypeError as e:
    print(e)
print(Ellipsis, ..., type(...).__name__, NotImplemented, type(NotImplemented).__name__, ... is Ellipsis)
