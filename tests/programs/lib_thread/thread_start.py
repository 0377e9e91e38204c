# _thread.start_new_thread: positional and keyword arguments, results handed
# back through locks, thread identities, _count, SystemExit ending a thread
# quietly, and the argument errors.
import _thread

main_ident = _thread.get_ident()
print(type(main_ident).__name__, type(_thread.get_native_id()).__name__)
out = {}
lock = _thread.allocate_lock()
finished = _thread.allocate_lock()
finished.acquire()
N = 5
done = [0]


def worker(name, n, *, scale=1, more=()):
    total = sum(range(n)) * scale + sum(more)
    with lock:
        out[name] = (total, _thread.get_ident() != main_ident)
        done[0] += 1
        if done[0] == N:
            finished.release()


for i in range(N):
    if i % 2:
        _thread.start_new_thread(worker, ("t%d" % i, 10 * i), {"scale": i, "more": (1, 2)})
    else:
        _thread.start_new_thread(worker, ("t%d" % i, 10 * i))
finished.acquire()
print(sorted(out.items()))

# a thread that calls _thread.exit() or raises SystemExit ends silently
quiet = _thread.allocate_lock()
quiet.acquire()


def leaver(how):
    try:
        if how:
            _thread.exit()
        raise SystemExit(3)
    finally:
        if not how:
            quiet.release()


_thread.start_new_thread(leaver, (True,))
_thread.start_new_thread(leaver, (False,))
quiet.acquire()
print("threads left quietly", _thread.exit_thread is not None, _thread.start_new is not None)

for args in [(), (print,), (1, ()), (print, []), (print, (), 1), (print, (), {}, 4)]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    _thread.start_new_thread(print, (), x=1)
except TypeError as e:
    print("TypeError", e)
try:
    _thread.get_ident(1)
except TypeError as e:
    print("TypeError", e)
print(_thread.stack_size(), _thread.stack_size(1 << 20), _thread.stack_size(0))
for bad in [1, -1, 32767]:
    try:
        _thread.stack_size(bad)
    except ValueError as e:
        print("ValueError", e)
