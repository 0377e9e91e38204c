# None and bool as values: singletons, arithmetic with bools, repr/str, comparisons
print(None, repr(None), type(None).__name__, None is None, None == None, None == 0)
print(True + True, True * 10, False - 1, True / 2, -True, ~False, True ** 3)
print(True == 1, False == 0, bool(2) is True)
print(str(True), repr(False), int(True), float(False), f"{True}", f"{True:d}", "%d" % False)
print(sum([True, True, False]), max(False, True), sorted([True, False, True]))
print(isinstance(True, int), type(True).__mro__[1].__name__, bool.__name__)
print(True and 5, False or "x", None or 0 or "last", 1 and 2 and 3, 0 and 1 / 0)
print(not None, not 0, not "", not [1], not not 5)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
try:
    None < None
except TypeError as e:
    print("TypeError:", e)
try:
    for x in None:
        pass
except TypeError as e:
    print("TypeError:", e)
d = {None: "none key", True: "true key", 0: "zero"}
print(d[None], d[1], d[False])
print(type(None)() is None, bool(), bool(None), bool([]), bool("False"))
print(True.real, False.imag, True.bit_length(), (True).__and__(False))
