# multiprocessing.Process (fork): start/join, exit codes, Queue, Pipe, names and pids
import multiprocessing as mp
import os
import sys


def worker(q, n):
    q.put((n, n * n, os.getpid() != PARENT))


def exit_with(code):
    sys.exit(code)


def raises():
    raise KeyError('boom')


def talk(conn):
    msg = conn.recv()
    conn.send({'got': msg, 'len': len(msg)})
    conn.send_bytes(b'raw bytes')
    conn.close()


PARENT = os.getpid()

if __name__ == '__main__':
    q = mp.Queue()
    ps = [mp.Process(target=worker, args=(q, i)) for i in range(4)]
    for p in ps:
        p.start()
    res = sorted(q.get(timeout=10) for _ in ps)
    for p in ps:
        p.join()
    print(res, [p.exitcode for p in ps], [p.is_alive() for p in ps])

    for target, args in ((exit_with, (3,)), (exit_with, (0,)), (raises, ())):
        p = mp.Process(target=target, args=args, name='child')
        sys.stderr = open(os.devnull, 'w')     # the child's traceback
        p.start()
        sys.stderr = sys.__stderr__
        p.join()
        print(p.name, 'exitcode', p.exitcode)

    a, b = mp.Pipe()
    p = mp.Process(target=talk, args=(b,))
    p.start()
    a.send([1, 2, 3])
    print(a.recv(), a.recv_bytes())
    p.join()
    print(a.poll(0.01), p.exitcode)

    q = mp.SimpleQueue()
    q.put('x')
    print(q.empty(), q.get(), q.empty())
    jq = mp.JoinableQueue()
    jq.put(1)
    print(jq.get())
    jq.task_done()
    jq.join()
    print(mp.current_process().name, mp.parent_process(), mp.cpu_count() >= 1)
