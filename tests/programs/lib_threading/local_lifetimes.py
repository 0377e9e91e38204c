# threading.local and _threading_local: attributes die with the local object, and with the thread that set them; id()-keyed dicts do not keep objects alive
import _threading_local
import gc
import threading
import weakref


class Payload:
    pass


def collect():
    for _ in range(3):
        gc.collect()


# A local that dies while its thread lives takes its attributes with it,
# even when they refer back to it.
for cls in (threading.local, _threading_local.local):
    x = Payload()
    x.local = cls()
    x.local.x = x
    wr = weakref.ref(x)
    del x
    collect()
    print(cls.__module__, "cycle freed:", wr() is None)

# Each thread's attributes die with the thread (the last stopped thread's
# may live on in _threading_local, as CPython's test allows; under pvm's
# conservative collector a stale word or two may keep one or two more).
def target(local, weaklist):
    weak = Payload()
    local.weak = weak
    weaklist.append(weakref.ref(weak))


for cls in (threading.local, _threading_local.local):
    local = cls()
    weaklist = []
    for i in range(10):
        t = threading.Thread(target=target, args=(local, weaklist))
        t.start()
        t.join()
    del t
    collect()
    dead = sum(w() is None for w in weaklist)
    print(cls.__module__, len(weaklist), dead >= 7)

# A dict keyed by id(obj) holds an int equal to the object's address: it
# must not keep the object alive.
objs = [Payload() for _ in range(20)]
by_id = {id(o): weakref.ref(o) for o in objs}
del objs
collect()
# (a stale word on the stack may keep one or two: pvm's collector is conservative)
print("id-keyed freed:", sum(r() is None for r in by_id.values()) >= 15)
