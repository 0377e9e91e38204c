# __contains__ = None makes `in` raise TypeError instead of falling back to iteration or __getitem__ (test_contains); other dunders set to None
class ByContains:
    def __contains__(self, other):
        return False

class BlockContains(ByContains):
    def __iter__(self):
        yield 0
    __contains__ = None

class BlockGetitem:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError
    __contains__ = None

class Unblocked(BlockContains):
    def __contains__(self, other):
        return other == 'yes'

print(0 in ByContains(), 0 in list(BlockContains()))
for obj in (BlockContains(), BlockGetitem(), Unblocked()):
    for item in (0, 'yes'):
        try:
            print(type(obj).__name__, item, item in obj, item not in obj)
        except TypeError as e:
            print(type(obj).__name__, item, "TypeError:", e)
BlockGetitem.__contains__ = lambda self, x: True
print("reassigned", 5 in BlockGetitem())
del BlockGetitem.__contains__
print("deleted", 2 in BlockGetitem(), 5 in BlockGetitem())

class NoIter:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    print(1 in NoIter())
except TypeError as e:
    print("TypeError:", e)
try:
    iter(NoIter())
except TypeError as e:
    print("TypeError:", e)
