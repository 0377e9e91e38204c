# _thread.RLock: re-entry by its owner, counting, _is_owned, the
# _release_save/_acquire_restore pair Condition uses, another thread failing to
# take or release it, reprs without addresses, subclassing, errors.
import _thread

r = _thread.RLock()
me = _thread.get_ident()


def show(rl):
    print(repr(rl).split(" at ")[0].replace(str(me), "ME"))


show(r)
print(r.acquire(), r.acquire(), r.acquire(timeout=1), r._is_owned())
show(r)
r.release()
show(r)
state = r._release_save()
print(state == (2, me), r._is_owned())
show(r)
r._acquire_restore(state)
show(r)
r.release()
r.release()
print(r._is_owned())

results = []
done = _thread.allocate_lock()
done.acquire()
r.acquire()


def other():
    results.append(r.acquire(False))
    results.append(r.acquire(timeout=0.01))
    try:
        r.release()
    except RuntimeError as e:
        results.append(str(e))
    results.append(r._is_owned())
    done.release()


_thread.start_new_thread(other, ())
done.acquire()
print(results)
r.release()

with r:
    with r:
        print("nested", r._is_owned())
print(r._is_owned())


class MyLock(_thread.RLock):
    pass


m = MyLock(1, 2, x=3)
print(type(m).__name__, isinstance(m, _thread.RLock))
show(m)

for call in [lambda: r.release(), lambda: r._release_save(), lambda: r.release(1),
             lambda: r._acquire_restore(1), lambda: r._acquire_restore((1,)),
             lambda: r.acquire(1, 2, 3), lambda: r.acquire(False, 5)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
