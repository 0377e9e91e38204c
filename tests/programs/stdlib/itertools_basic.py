# itertools: count, cycle, repeat, islice, chain, accumulate, starmap, takewhile/dropwhile, filterfalse, compress, pairwise, zip_longest, tee, groupby
import itertools
from itertools import count, cycle, repeat, islice, chain, accumulate

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 3)))
c = count(5)
next(c)
print(c, count(1, 2), repeat('x', 3), repeat(7))
print(list(islice(cycle('abc'), 8)), list(cycle([])))
print(list(repeat(1, 4)), list(repeat('z', 0)), list(repeat(None, -2)))
print(list(islice(range(20), 3, 15, 4)), list(islice('abcdefg', 2, None)), list(islice('abc', None)))
print(list(islice(range(10), 0)), list(islice(range(10), 5, 2)))
print(list(chain('ab', [1, 2], (), range(3))), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=0)), list(accumulate('abc')), list(accumulate([2, 3, 4], lambda a, b: a * b)))
print(list(itertools.starmap(pow, [(2, 3), (3, 2), (10, 0)])))
print(list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(10))), list(itertools.filterfalse(None, [0, 1, '', 'a'])))
print(list(itertools.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(itertools.pairwise('ABCDE')), list(itertools.pairwise('A')))
print(list(itertools.zip_longest('ABCD', 'xy', fillvalue='-')), list(itertools.zip_longest([1, 2], [3], [4, 5, 6])))
a, b = itertools.tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = itertools.tee(range(3), 3)
print(list(x), list(y), list(z))
for k, g in itertools.groupby('AAAABBBCCDAABBB'):
    print(k, list(g))
print([k for k, g in itertools.groupby('AAAABBBCCD')])
data = [('a', 1), ('a', 2), ('b', 3), ('c', 4), ('c', 5)]
for k, g in itertools.groupby(data, key=lambda t: t[0]):
    print(k, [v for _, v in g])
groups = [(k, list(g)) for k, g in itertools.groupby([1, 1, 2, 3, 3, 3])]
print(groups)
print(type(c).__name__ if False else 'ok')
