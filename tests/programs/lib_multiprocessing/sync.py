# multiprocessing synchronization on _multiprocessing.SemLock: Lock, RLock, Semaphore, Event, Condition, Barrier across processes
import multiprocessing as mp
import _multiprocessing


def locked_count(lock, sem, ev, q, k):
    with lock:
        q.put(('locked', k))
    with sem:
        q.put(('sem', k))
    ev.wait(10)
    q.put(('after', k))


if __name__ == '__main__':
    print(sorted(_multiprocessing.flags.items()), _multiprocessing.SemLock.SEM_VALUE_MAX)
    lock = mp.Lock()
    print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print('ValueError:', e)
    rl = mp.RLock()
    with rl:
        with rl:
            print('rlock nested ok')
    try:
        rl.release()
    except AssertionError as e:
        print('AssertionError:', e)
    s = mp.Semaphore(2)
    print(s.acquire(), s.acquire(), s.acquire(timeout=0.05), s.get_value())
    s.release()
    s.release()
    print(s.get_value())
    bs = mp.BoundedSemaphore(1)
    bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print('ValueError:', e)
    ev = mp.Event()
    print(ev.is_set(), ev.wait(0.01))
    ev.set()
    print(ev.wait(1))
    ev.clear()
    c = mp.Condition()
    with c:
        print(c.wait(0.01), c.notify_all())

    q = mp.Queue()
    ps = [mp.Process(target=locked_count, args=(lock, s, ev, q, k)) for k in range(3)]
    for p in ps:
        p.start()
    got = [q.get(timeout=10) for _ in range(6)]
    ev.set()
    got += [q.get(timeout=10) for _ in range(3)]
    for p in ps:
        p.join()
    print(sorted(got), [p.exitcode for p in ps])

    sl = _multiprocessing.SemLock(1, 1, 1, '/pvm-test-semlock', True)
    print(sl.kind, sl.maxvalue, sl.name, sl._count(), sl._is_mine(), sl._get_value(), sl._is_zero())
    print(sl.acquire(), sl._count(), sl._is_mine(), sl._is_zero())
    sl.release()
    try:
        _multiprocessing.SemLock(5, 1, 1, '/pvm-test-semlock', True)
    except ValueError as e:
        print('ValueError:', e)
