# __class_getitem__, __index__ for slicing/bin/range, __int__ vs __index__, __length_hint__-free
class Box:
    def __class_getitem__(cls, item):
        return "%s[%s]" % (cls.__name__, getattr(item, "__name__", repr(item)))
print(Box[int], Box["x"], Box[Box])
print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__)
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
i2, i5 = Idx(2), Idx(5)
data = list(range(10))
print(data[i2], data[i2:i5], "abcdef"[i5], bin(i5), hex(Idx(255)), range(i5), range(10)[i2])
print([0] * Idx(3), "ab" * Idx(2), (1 << Idx(4).__index__()), round(3.14159, Idx(2)))
class OnlyInt:
    def __int__(self):
        return 3
try:
    [1, 2, 3][OnlyInt()]
except TypeError as e:
    print("TypeError:", e)
print(int(OnlyInt()))
class BadIndex:
    def __index__(self):
        return "no"
try:
    [1][BadIndex()]
except TypeError as e:
    print("TypeError:", e)
print(int.__index__(7), (7).__index__(), True.__index__())
try:
    fl = 1.0
    "x"[fl]
except TypeError as e:
    print("TypeError:", e)
