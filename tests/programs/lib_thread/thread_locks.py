# _thread locks: acquire/release/locked, blocking and timeouts, the context
# manager, aliases, reprs (without addresses) and CPython's argument errors.
import _thread

lock = _thread.allocate_lock()
print(type(lock).__name__, type(lock) is _thread.LockType, _thread.allocate is not None)
print(repr(lock).split(" at ")[0])
print(lock.acquire(), lock.locked())
print(repr(lock).split(" at ")[0])
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0))
print(lock.acquire(True, 0.01), lock.acquire(timeout=0.02))
lock.release()
print(lock.locked())
print(lock.acquire_lock(), lock.locked_lock())
lock.release_lock()
with lock as entered:
    print("inside", entered, lock.locked())
print("after", lock.locked())
print(lock.__enter__(), lock.__exit__(None, None, None), lock.locked())

for args, kwargs in [((False, 1), {}), ((True, -2), {}), ((True, -0.5), {}),
                     ((), {"timeout": float("nan")}), ((), {"timeout": 1e100}),
                     ((), {"timeout": 9223372036.9}), ((), {"timeout": float("-inf")}),
                     ((), {"timeout": -1e-9}), ((), {"timeout": -0.0}),
                     ((), {"timeout": 10 ** 30}), ((), {"timeout": "1"}),
                     ((), {"timeout": None}), ((1.5,), {}), ((2 ** 40,), {}),
                     ((1, 2, 3), {}), ((), {"x": 1}), ((), {"blocking": 1, "timeout": 1, "x": 3})]:
    try:
        print(lock.acquire(*args, **kwargs))
        lock.release()
    except Exception as e:
        print(type(e).__name__, e)

for call in [lambda: lock.release(), lambda: lock.release(1), lambda: lock.locked(1),
             lambda: _thread.LockType(), lambda: _thread.allocate_lock(1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

# -1 means "for ever" (the lock is free, so it returns at once)
print(lock.acquire(True, -1), lock.acquire(timeout=0.0))
lock.release()
lock._at_fork_reinit()
print(lock.locked(), _thread.TIMEOUT_MAX, _thread.error is RuntimeError)
