# multiprocessing.shared_memory (on _posixshmem) and a Manager's proxies shared with children
import multiprocessing as mp
from multiprocessing import shared_memory
import _posixshmem


def fill(name):
    shm = shared_memory.SharedMemory(name=name)
    shm.buf[5:10] = b'child'
    shm.close()


def mgr_work(d, l, i):
    d[i] = i * 2
    l.append(i)


if __name__ == '__main__':
    shm = shared_memory.SharedMemory(create=True, size=16)
    shm.buf[:5] = b'abcde'
    p = mp.Process(target=fill, args=(shm.name,))
    p.start()
    p.join()
    other = shared_memory.SharedMemory(name=shm.name)
    print(bytes(other.buf[:10]), shm.size >= 16)
    other.close()
    shm.close()
    shm.unlink()
    try:
        shared_memory.SharedMemory(name=shm.name)
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    try:
        _posixshmem.shm_unlink('/pvm-no-such-shm')
    except FileNotFoundError as e:
        print('FileNotFoundError:', e)
    sl = shared_memory.ShareableList([1, 'two', 3.0, None, b'five'])
    print(list(sl), len(sl))
    sl[0] = 100
    print(sl[0], sl.count(100), sl.index('two'))
    sl.shm.close()
    sl.shm.unlink()

    with mp.Manager() as m:
        d = m.dict()
        l = m.list()
        ns = m.Namespace()
        ns.x = 1
        ps = [mp.Process(target=mgr_work, args=(d, l, i)) for i in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), sorted(l), ns.x)
        q = m.Queue()
        q.put('via manager')
        print(q.get())
    print('done')
