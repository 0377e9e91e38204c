# float() as PyNumber_Float: subclasses' __float__ first, bytes-like text (memoryview, array), NUL rejected, DeprecationWarning for a float subclass result
class F(float): pass
class I(int): pass
class I2(int):
    def __float__(self): return 7.5
class S(str):
    def __float__(self): return 1.5
class S2(str): pass
print(float(F(2.5)), float(I(3)), float(I2(3)), float(S('2')), float(S2('2.25')), float(True))
import array
print(float(memoryview(b'12.3')[1:4]), float(array.array('B', b' 3.5 ')), float(bytearray(b'1e3')))
for bad in ("123\x00", b"12\x00", [1]):
    try: float(bad)
    except Exception as e: print(type(e).__name__, e)
class G(float):
    def __init__(self, v, tag=None): self.tag = tag
print(G(2.0, tag=1).tag)
try: F(x=1)
except TypeError as e: print(e)
import warnings
class H(float):
    def __float__(self): return self
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(float(H(4.0)), w[0].category.__name__, str(w[0].message)[:40])
for s in ('0x1p0\x00 0x1p0', '0x1p0'):
    try: print(float.fromhex(s))
    except ValueError as e: print(e)
import re, weakref
p = re.compile(rb'(\d+)')
print(p.findall(memoryview(b'a12b345')), p.sub(b'#', memoryview(b'x1y22')), re.match(rb'a*', array.array('B', b'aab')).group())
r = weakref.ref(p); print(r() is p)
