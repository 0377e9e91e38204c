# complex() from objects with __complex__, __float__ or __index__, keyword arguments, signed zeros, a subclass; TypeError messages
class Conv:
    def __float__(self): return 2.5
    def __complex__(self): return 1j
class F:
    def __float__(self): return 1.5
class I:
    def __index__(self): return 7
class Bad:
    def __complex__(self): return 1.0
class N: pass
print(complex(Conv()), complex(F()), complex(I()), complex(F(), I()), complex(1, F()), complex(Conv(), 2))
for args in [(Bad(),), (N(),), (1, N()), (1, "2"), ("1", 2), (1, Conv())]:
    try: print(complex(*args))
    except TypeError as e: print(e)
print(complex(1j, 1j), complex(-0.0, 0.0), complex(real=2), complex(imag=-0.0))
class Sub(complex): pass
print(type(Sub(1, 2)).__name__, Sub(3))
