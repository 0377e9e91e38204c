# membership falls back from __contains__ to __iter__ to __getitem__; iteration order of fallbacks
class WithContains:
    def __contains__(self, x):
        print("__contains__", x)
        return x == 1
class WithIter:
    def __iter__(self):
        print("__iter__ called")
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        print("__getitem__", i)
        if i > 2:
            raise IndexError
        return i * 10
print(1 in WithContains(), 2 in WithContains(), 3 not in WithContains())
print(2 in WithIter(), 9 in WithIter())
print(10 in WithGetitem(), 99 in WithGetitem())
class Nothing:
    pass
try:
    1 in Nothing()
except TypeError as e:
    print("TypeError:", e)
class ContainsTruthy:
    def __contains__(self, x):
        return [x]
print(5 in ContainsTruthy(), type(5 in ContainsTruthy()).__name__)
class NoneIter:
    __iter__ = None
try:
    iter(NoneIter())
except TypeError as e:
    print("TypeError:", e)
class Both:
    def __iter__(self):
        return iter("ab")
    def __getitem__(self, i):
        return "never used for iteration"
print(list(Both()), "a" in Both())
