# object.__dir__ called from a __dir__ override: the default listing, not dir() again
import enum
class I(int):
    def __dir__(self):
        return [n for n in object.__dir__(self) if not n.startswith('_')] + ['extra']
print(sorted(dir(I(3))))
class C:
    x = 1
    def __dir__(self):
        return ['z'] + sorted(object.__dir__(self))[:3]
c = C(); c.y = 2
print(dir(c), 'x' in object.__dir__(c), 'y' in object.__dir__(c))
class Color(enum.IntEnum):
    RED = 1
    def shade(self):
        pass
print(sorted(dir(Color.RED)))
print(type(object.__dir__(C)).__name__)
