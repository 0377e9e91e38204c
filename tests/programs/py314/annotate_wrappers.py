# 3.14's lazy annotations through classmethod/staticmethod (asked for only when read, so a name defined later is fine), FunctionType's kwdefaults argument, annotationlib's formats, and dataclass(slots=True)
import annotationlib, types
from dataclasses import dataclass

class C:
    @classmethod
    def make(cls) -> Later: pass
    @staticmethod
    def helper(x: Later2) -> int: pass

class Later: pass
class Later2: pass

print(C.__dict__['make'].__annotations__)
print(C.__dict__['helper'].__annotations__)
print(callable(C.__dict__['make'].__annotate__))
cm = classmethod(lambda cls: 1)
cm.__annotations__ = {'x': int}
print(cm.__annotations__)

def f(a, *, k=3): return a + k
g = types.FunctionType(f.__code__, globals(), argdefs=None, kwdefaults={'k': 10})
print(g(1), g.__kwdefaults__)
try:
    types.FunctionType(f.__code__, globals(), kwdefaults=[1])
except TypeError as e:
    print('TypeError', e)

class D:
    a: undefined_name
    b: int
print(annotationlib.get_annotations(D, format=annotationlib.Format.FORWARDREF))
print(annotationlib.get_annotations(D, format=annotationlib.Format.STRING))

@dataclass(slots=True)
class P:
    x: int
    y: int = 2
p = P(1)
print(p, P.__slots__, hasattr(p, '__dict__'), '__weakref__' in P.__dict__)
