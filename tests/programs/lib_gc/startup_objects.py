# Objects made before the program starts (sys, its flags and streams, builtins' names, sys.path) behave as any others across collections: weak references to them stay alive, their containers grow, what the program hangs on them is kept until it lets go, then collected.
import builtins
import gc
import sys
import weakref

died = []
refs = {
    "sys": weakref.ref(sys),
    "flags type": weakref.ref(type(sys.flags), lambda r: died.append("flags type")),
    "version_info type": weakref.ref(type(sys.version_info)),
    "stdout": weakref.ref(sys.stdout, lambda r: died.append("stdout")),
    "int": weakref.ref(int),
}
for _ in range(3):
    gc.collect()
print("start-up objects alive:", sorted(k for k, r in refs.items() if r() is not None))
print("callbacks:", died)


class Held:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        died.append(self.name)


# Start-up containers grown by the program: sys.path, sys.modules,
# builtins, sys itself.
before = len(sys.path)
sys.path.extend("/nowhere/%d" % i for i in range(300))
sys.modules["startup_objects_fake"] = Held("fake module")
for i in range(200):
    setattr(builtins, "startup_name_%d" % i, i * i)
sys.startup_objects_held = [Held("held %d" % i) for i in range(3)]
gc.collect()
print("sys.path grew by", len(sys.path) - before)
print("builtins:", builtins.startup_name_199, startup_name_7)
print("held:", [h.name for h in sys.startup_objects_held], "died:", died)

# Let go of them: the program's objects die, start-up's do not.
del sys.path[before:]
del sys.modules["startup_objects_fake"]
del sys.startup_objects_held
for i in range(200):
    delattr(builtins, "startup_name_%d" % i)
gc.collect()
print("died:", sorted(died))
print("sys.path back:", len(sys.path) == before, hasattr(builtins, "startup_name_0"))

# A weak reference the program keeps in a start-up object, to its own.
target = Held("target")
sys.startup_objects_ref = weakref.ref(target)
print("ref alive:", sys.startup_objects_ref() is target)
del target
gc.collect()
print("ref dead:", sys.startup_objects_ref() is None)

# Names start-up interned, and strings built from them.
print("interned:", sys.intern("print") is sys.intern("".join(["pr", "int"])))
s = sys.platform
for _ in range(50):
    s += "!"
print(len(s) - len(sys.platform), s.startswith(sys.platform), s.endswith("!" * 50))
print("still alive:", sorted(k for k, r in refs.items() if r() is not None))
