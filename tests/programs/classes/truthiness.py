# __bool__ and __len__ truthiness, precedence of __bool__, bad return types
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class Neither:
    pass
print(bool(B(True)), bool(B(False)))
print(bool(L(0)), bool(L(3)), bool(Both()), bool(Neither()))
if L(2):
    print("L(2) is true")
if not L(0):
    print("L(0) is false")
print(B(True) and "yes", B(False) or "fallback")
print([x for x in [L(0), L(1), L(5)] if x].__len__())
while L(0):
    print("never")
print(not B(False))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print("ValueError:", e)
class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print("TypeError:", e)
print(len(L(7)), bool(0.0), bool(""), bool(()), bool([0]), bool(None))
