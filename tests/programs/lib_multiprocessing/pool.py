# multiprocessing.Pool (fork): map, apply_async, imap, imap_unordered, starmap, errors from workers
import multiprocessing as mp


def square(x):
    return x * x


def cube(x):
    return x ** 3


def fails(x):
    raise ValueError("bad %d" % x)


if __name__ == '__main__':
    print(mp.get_start_method())
    with mp.Pool(3) as pool:
        print(pool.map(square, range(12)))
        print(pool.map(square, range(20), chunksize=4))
        r = pool.apply_async(cube, (7,))
        print(r.get(timeout=10), r.ready(), r.successful())
        print(list(pool.imap(square, range(5))))
        print(sorted(pool.imap_unordered(cube, range(5))))
        print(pool.starmap(pow, [(2, 3), (3, 2), (10, 2)]))
        print(pool.apply(cube, (3,)))
        try:
            pool.apply(fails, (4,))
        except ValueError as e:
            print('ValueError:', e)
        r = pool.map_async(fails, [1])
        r.wait(10)
        print(r.ready(), r.successful())
    # close() and join() let both workers start (and run their initializer)
    # before the with block's terminate(), which could otherwise kill one first.
    with mp.Pool(2, initializer=print, initargs=()) as pool:
        pool.close()
        pool.join()
    print('done')
