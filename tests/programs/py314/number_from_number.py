# 3.14's float.from_number and complex.from_number: numbers only (__float__, __index__, __complex__; never text), subclasses get cls(value), their errors
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
class C:
    def __complex__(self): return 1+2j
class MyF(float): pass
class MyC(complex): pass
class MyI(int):
    def __float__(self): return 9.5
for cls in (float, complex, MyF, MyC):
    for v in (1, 2**70, 1.5, True, F(), I(), MyF(3.0), MyI(4), C(), 2j, '1.5', b'1', None, 10**400):
        try:
            r = cls.from_number(v)
            print(cls.__name__, type(v).__name__, type(r).__name__, r)
        except Exception as e:
            print(cls.__name__, type(v).__name__, type(e).__name__, e)
for bad in ((), (1, 2)):
    try: float.from_number(*bad)
    except TypeError as e: print(e)
    try: complex.from_number(*bad)
    except TypeError as e: print(e)
print(float.from_number.__doc__ is None, complex.from_number.__self__)
