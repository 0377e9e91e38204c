# pickle_io.py — pickling and unpickling ~1 MB of records, what caches,
# multiprocessing and object stores spend their time on: build records
# (dicts with string keys, lists, tuples, ints small and past 64 bits,
# floats, booleans, strings with non-ASCII text, and an instance of a
# class) from a linear congruential generator, then pickle.dumps them with
# protocols 0, 2 and 5 and pickle.loads each pickle back.  Measures
# CPython's Lib/pickle over the interpreter's _pickle accelerator (Pickler
# and Unpickler in C: the memo, framing, object reconstruction through
# copyreg), not dispatch.
import pickle

N = 5  # small: 1


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(n):
    state = 12345
    out = []
    for i in range(n):
        state = (state * 1664525 + 1013904223) % 4294967296
        out.append({"id": i, "name": "rec-%d" % (state % 100000), "score": state / 7.0,
                    "tags": ["a", "b\u00e9", str(state % 97)], "pt": Point(i, state % 1000),
                    "pair": (i, -i), "big": state * 10**12, "flag": state % 2 == 0})
    return out


def main():
    data = make(6000)
    total = 0
    for _ in range(N):
        for proto in (0, 2, 5):
            s = pickle.dumps(data, proto)
            back = pickle.loads(s)
            total += len(s) + len(back) + back[-1]["pt"].y + int(back[7]["score"])
    print(total)


main()
