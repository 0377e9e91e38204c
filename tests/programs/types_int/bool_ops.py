# bool as an int subclass: arithmetic, bitwise ops keep bool, hash, str/repr, indexing with True, True and 1 as one dict key
print(True + True, True * 3, True / 2, -True, True // 1, bool(0), bool(-1), bool("") , bool([0]))
print(isinstance(True, int), True == 1, hash(True), str(False), repr(True), int(False))
print(True & True, False | False, True ^ False, type(True & True).__name__, type(True + 1).__name__)
print(sum([True, True, False]), [1, 2][True], {True: 1, 1: 2})
