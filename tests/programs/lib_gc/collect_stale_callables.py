# gc.collect() does not count the stale copy of a callable (a bound builtin, a bound method) that a call left in the loop's C frame: the object behind `proxy.method()` is collected and its weak references die; objects a C caller still holds (a sort's items while its key function collects) live on
import array
import gc
import weakref


def proxy_then_collect(make, call):
    s = make()
    p = weakref.proxy(s)
    call(p)
    s = None
    gc.collect()
    try:
        len(p)
        return "alive"
    except ReferenceError:
        return "dead"


class C:
    def __len__(self):
        return 1

    def m(self):
        return 2


for code in "bdiu":
    example = "abc" if code == "u" else [1, 2, 3]
    print(code, proxy_then_collect(lambda: array.array(code, example), lambda p: p.tobytes()),
          proxy_then_collect(lambda: array.array(code, example), lambda p: p.buffer_info()))
print("C", proxy_then_collect(C, lambda p: p.m()))


def returned():
    s = array.array("d", [1.0])
    p = weakref.proxy(s)
    p.tobytes()
    return p


p = returned()
gc.collect()
try:
    len(p)
    print("after return: alive")
except ReferenceError:
    print("after return: dead")


class O:
    def __init__(self, i):
        self.i = i

    def __del__(self):
        deleted.append(self.i)


deleted = []


def key(o):
    gc.collect()
    return -o.i


def gen():
    for i in range(3):
        yield O(i)


r = sorted(gen(), key=key)
print([o.i for o in r], deleted)
del r
gc.collect()
print(sorted(deleted))
