# A class that sets __iter__ = None is not iterable even with a
# __getitem__ (CPython's test_iter.test_error_iter).
class NoIter:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i
    __iter__ = None

class SeqOnly:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i

class Sub(NoIter):
    pass

for cls in (NoIter, SeqOnly, Sub):
    for f in (iter, list, tuple, sorted, lambda o: [x for x in o], lambda o: [*o]):
        try:
            print(cls.__name__, list(f(cls())))
        except TypeError as e:
            print(cls.__name__, "TypeError:", e)
    try:
        for x in cls():
            print("loop", x)
    except TypeError as e:
        print("loop TypeError:", e)
