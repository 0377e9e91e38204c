# weakref.ref refuses keyword arguments (its __init__'s rule); a subclass with its own __init__ may take them
import weakref
class C: pass
c = C()
try: weakref.ref(c, callback=None)
except TypeError as e: print(e)
class R(weakref.ref):
    def __init__(self, ob, callback=None, **annotations):
        super().__init__(ob, callback)
        self.__dict__.update(annotations)
r = R(c, None, tag=5)
print(r() is c, r.tag)
class R2(weakref.ref): pass
try: R2(c, tag=1)
except TypeError as e: print(e)
print(weakref.ref(c, None)() is c)
