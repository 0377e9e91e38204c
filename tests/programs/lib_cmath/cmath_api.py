# cmath: constants, common results, argument conversion and CPython's error messages
import cmath
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.sqrt(-1), cmath.sqrt(2j), cmath.exp(1j * cmath.pi), cmath.log(-1), cmath.log(8, 2))
print(cmath.log10(100), cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.polar(1j))
print(cmath.rect(2, cmath.pi / 2), cmath.cos(1 + 2j), cmath.sin(1 + 2j), cmath.tan(1 + 2j))
print(cmath.acos(2), cmath.asin(2), cmath.atan(2j + 1), cmath.acosh(0.5), cmath.asinh(1j), cmath.atanh(2))
print(cmath.cosh(1 + 1j), cmath.sinh(1 + 1j), cmath.tanh(1 + 1j))
print(cmath.isclose(1, 1 + 1e-10), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0, 1e-10, abs_tol=1e-9))
print(cmath.isfinite(1 + 1j), cmath.isinf(complex('inf')), cmath.isnan(complex('nan')))

class C:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 0.25
class I:
    def __index__(self):
        return 9
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(True), cmath.phase(C()))

def err(f, *a, **k):
    try:
        print('ok', f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
err(cmath.log, 0)
err(cmath.log, 1, 1)
err(cmath.log, 2, 0)
err(cmath.log, 0, 2)
err(cmath.log)
err(cmath.log, 1, 2, 3)
err(cmath.exp, 1000)
err(cmath.cosh, complex(0, float('inf')))
err(cmath.atanh, 1)
err(cmath.sqrt, 'a')
err(cmath.sqrt, None)
err(cmath.sqrt, 10 ** 400)
err(cmath.sqrt)
err(cmath.sqrt, 1, 2)
err(cmath.rect, 1, 'a')
err(cmath.rect, 1)
err(cmath.rect, 1.0, float('inf'))
err(cmath.isclose, 1, 2, rel_tol=-1)
err(cmath.isclose, 1)
err(cmath.isclose, 1, 1, 2)
err(cmath.isclose, 1, 1, tol=2)
err(cmath.phase, complex(1e300, 1e-310))
err(cmath.polar, complex(1e308, 1e308))
class Bad:
    def __complex__(self):
        return 1
err(cmath.sqrt, Bad())
