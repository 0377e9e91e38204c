# threading.local subclasses: an __init__ that lets other threads run (a
# sleep) still leaves each thread its own attributes; __dict__ cannot be
# replaced or deleted.
import _thread
import threading
import time


class Local(_thread._local):
    def __init__(self):
        time.sleep(0.01)


local = Local()
errors = []


def f(i):
    local.x = i
    time.sleep(0.001)
    if local.x != i:
        errors.append((i, local.x))


threads = [threading.Thread(target=f, args=(i,)) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors:", errors)


class Sub(_thread._local):
    pass


for cls in (_thread._local, Sub, threading.local):
    o = cls()
    o.x = 5
    print(cls.__name__, o.__dict__)
    try:
        o.__dict__ = {}
    except AttributeError as e:
        print("set:", e)
    try:
        del o.__dict__
    except AttributeError as e:
        print("del:", e)
