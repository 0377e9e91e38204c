# lru_cache hashes its arguments once per call: on a miss, on a hit and
# when the entry is stored, whatever the dict does with the key; an
# unhashable argument fails before the function runs.
import functools

calls = []


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        calls.append(self.n)
        return hash(self.n)

    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n


@functools.lru_cache(maxsize=1)
def f(x, y=0):
    return x.n * 3 + y


k = Key(5)
print(f(k, 1), len(calls), f.cache_info())
print(f(k, 1), len(calls), f.cache_info())
print(f(Key(6), y=2), len(calls), f.cache_info())
print(f(k, 1), len(calls), f.cache_info())


@functools.lru_cache(typed=True)
def g(*args):
    return len(args)


print(g(k), g(k, k), len(calls), g.cache_info())
try:
    g([1])
except TypeError as e:
    print("TypeError", e)
print(g.cache_info())
