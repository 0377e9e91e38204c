# A class body's f_locals and locals() under a logging __prepare__ mapping: up to 3.12 reading them copies the cells (__class__) into the namespace; from 3.13 on (PEP 667) the namespace is shown as it stands. A module-level comprehension's variable never reaches the module's namespace
import sys


class NS(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)

    def __delitem__(self, k):
        print("del", k)
        super().__delitem__(k)


class Meta(type):
    @classmethod
    def __prepare__(m, name, bases, **kw):
        return NS()


def make():
    class C(metaclass=Meta):
        x = 1
        print("f_locals")
        fl = sys._getframe().f_locals
        print(type(fl).__name__, fl is locals(), sorted(k for k in fl if k != "__firstlineno__"))
        print("locals()")
        print(sorted(k for k in locals() if k != "__firstlineno__"))

        def m(self):
            return __class__
    return C


C = make()
print(C().m() is C, sorted(k for k in vars(C) if not k.startswith("__")))

# A comprehension inlined into the module body (3.12 on): its variable is
# no module name, and locals() afterwards neither sets nor deletes one.
n = 5
seen = [sorted(k for k in locals() if k in ("n", "seen")) for n in range(3)]
print(seen, n, sorted(k for k in locals() if k in ("n", "seen")))
print(n, sorted(k for k in locals() if k in ("n", "seen")))
