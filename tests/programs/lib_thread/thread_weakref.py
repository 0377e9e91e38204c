# Locks, RLocks and _thread._local objects can be weakly referenced (as in
# CPython: threading keeps weak references to its locks and locals).
import _thread
import threading
import weakref

for make in (_thread.allocate_lock, _thread.RLock, _thread._local, threading.Lock,
             threading.RLock):
    obj = make()
    ref = weakref.ref(obj)
    print(type(obj).__name__, ref() is obj, weakref.getweakrefcount(obj))
    proxy = weakref.proxy(obj)
    print(type(proxy).__name__)

lock = threading.Lock()
pool = weakref.WeakSet([lock])
print(len(pool), lock in pool)
weakref.proxy(lock).acquire()
print("locked through a proxy:", lock.locked())
