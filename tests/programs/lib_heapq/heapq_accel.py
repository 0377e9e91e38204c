# Lib/heapq.py over _heapq and Lib/bisect.py over _bisect: heap layouts, the _max variants, nlargest/merge, bisect/insort with key, errors
import heapq, bisect, _heapq, _bisect

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

seq = [(i * 7919) % 101 for i in range(60)]
h = []
for x in seq:
    heapq.heappush(h, x)
print(h)
h2 = list(seq)
heapq.heapify(h2)
print(h2)
print([heapq.heappop(h) for _ in range(10)])
print(heapq.heapreplace(h, 50), heapq.heappushpop(h, 1), heapq.heappushpop(h, 99), h[:8])
m = list(seq)
_heapq._heapify_max(m)
print(m[:12], _heapq._heappop_max(m), _heapq._heapreplace_max(m, 3), m[:6])
big = [(i * 31337) % 5003 for i in range(3000)]
heapq.heapify(big)
print(big[:10], big[-5:], heapq.nsmallest(5, big), heapq.nlargest(5, big))
print(heapq.nlargest(3, seq), heapq.nsmallest(3, seq, key=lambda v: -v), heapq.nlargest(1, []))
print(heapq.nlargest(4, ['bb', 'a', 'ccc', 'dd', 'e'], key=len), heapq.nsmallest(2, iter(seq)))
print(list(heapq.merge([1, 5, 9], [2, 6], [3, 4, 10])), list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
print(list(heapq.merge(['a', 'ccc'], ['bb', 'dddd'], key=len)))

class Pri:
    def __init__(self, p, name):
        self.p, self.name = p, name
    def __lt__(self, other):
        return self.p < other.p
    def __repr__(self):
        return self.name

tasks = [Pri(2, 'write'), Pri(1, 'plan'), Pri(2, 'test'), Pri(1, 'design'), Pri(0, 'idea')]
heapq.heapify(tasks)
print(tasks, [heapq.heappop(tasks) for _ in range(5)])

class Shrinker:
    def __init__(self, heap):
        self.heap = heap
    def __lt__(self, other):
        self.heap.clear()
        return True

victim = []
victim.extend([Shrinker(victim), Shrinker(victim), Shrinker(victim)])
print(attempt(lambda: heapq.heapify(victim)))

for f in [lambda: heapq.heappush(1, 2), lambda: heapq.heappop(1), lambda: heapq.heapify(1),
          lambda: heapq.heapreplace(1, 2), lambda: heapq.heappushpop(1, 2),
          lambda: _heapq._heappop_max(1), lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1),
          lambda: heapq.heappop(), lambda: heapq.heappush([]), lambda: heapq.heappush([], 1, x=1),
          lambda: heapq.heappush([1], 'a'), lambda: heapq.heappushpop([], 5)]:
    print(attempt(f))

a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 10))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect_left(a, 4, lo=4, hi=6))
print(bisect.bisect_left(a, 4, 0, -1), bisect.bisect_right(a, 4, hi=None), bisect.bisect_left(a, 4, 0, 2))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
bisect.insort_right(a, 0, 0, 1)
print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1])
bisect.insort_left(recs, ('e', 3), key=lambda r: r[1])
print(recs)

class Log(list):
    def insert(self, i, x):
        print('insert', i, x)
        super().insert(i, x)

lg = Log([1, 3])
bisect.insort(lg, 2)
print(lg, bisect.bisect(range(0, 100, 5), 42), bisect.bisect_left('acegi', 'f'))

for f in [lambda: bisect.bisect_left(1, 2), lambda: bisect.bisect_left([1, 2], 2, -1),
          lambda: bisect.bisect_left([1, 2, 3], 2, 0, 'x'), lambda: bisect.bisect_left([1, 2, 3], 2, 'x'),
          lambda: bisect.bisect_left([1, 2, 3], 2, hi=10), lambda: bisect.bisect_right(),
          lambda: bisect.insort_left((1, 2), 2), lambda: bisect.bisect_left([1, 2, 3], 2, key=1),
          lambda: bisect.bisect([1, 'a'], 2), lambda: bisect.bisect_right([1], 1, 0, 1, None, 5)]:
    print(attempt(f))
print(sorted(n for n in dir(_heapq) if not n.startswith('__')), sorted(n for n in dir(_bisect) if not n.startswith('__')))
print(heapq.heappush is _heapq.heappush, bisect.bisect is bisect.bisect_right)
