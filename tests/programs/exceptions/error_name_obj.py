# AttributeError.name/.obj and NameError.name are set by failed attribute and name lookups
class A:
    blech = None
obj = A()
try:
    obj.bluch
except AttributeError as exc:
    print(exc.name, exc.obj is obj)
try:
    object.__getattribute__(obj, "bluch")
except AttributeError as exc:
    print(exc.name, exc.obj is obj)
try:
    getattr(obj, "bluch")
except AttributeError as exc:
    print(exc.name, exc.obj is obj)
try:
    obj.bluch()
except AttributeError as exc:
    print(exc.name, exc.obj is obj)
try:
    bluch
except NameError as exc:
    print(exc.name)
def f():
    try:
        bluch2
    except NameError as exc:
        print(exc.name, repr(exc), exc.args)
f()
try:
    A.zz
except AttributeError as exc:
    print(exc.name, exc.obj)
import math
try:
    math.zzz
except AttributeError as exc:
    print(exc.name, exc.obj is math)
try:
    del qqq
except NameError as exc:
    print(exc.name)
e = AttributeError("x")
print(e.name, e.obj)
