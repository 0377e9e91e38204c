# random: python3.11's exact sequences for int, negative, big, str, bytes, bytearray and float seeds (version 2 and 1), and getstate/setstate
import random

for seed in (42, 0, -7, 2**100, 'hello', '', 'h\xe9llo \u20ac', b'bytes', bytearray(b'ba'), 3.5):
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(1, 100), random.choice('abcdefg'))
    l = list(range(20))
    random.shuffle(l)
    print('   ', l, random.sample(range(1000), 5), random.gauss(0, 1), random.gauss(5, 2))
    print('   ', random.uniform(1, 2), random.triangular(), random.choices('abc', k=5),
          random.choices(range(5), weights=[1, 2, 3, 4, 5], k=4), random.choices('xy', cum_weights=[1, 3], k=3))
    print('   ', random.getrandbits(100), random.randrange(0, 10**30, 7), random.randbytes(5),
          random.randrange(-10, 10, 3), random.randint(-2**70, 2**70))
    print('   ', random.normalvariate(), random.lognormvariate(0, 1), random.expovariate(2))
    print('   ', random.gammavariate(2, 3), random.gammavariate(0.5, 1), random.gammavariate(1, 1),
          random.betavariate(2, 3), random.paretovariate(3), random.weibullvariate(1, 2))
    print('   ', random.sample('abcdefghij', k=3, counts=None), random.sample(['r', 'g'], counts=[3, 2], k=4))

for seed in ('hello', b'hello', 'h\xe9llo', ''):
    random.seed(seed, version=1)
    print('v1', repr(seed), random.random())
st = random.getstate()
a = [random.random() for _ in range(3)] + [random.gauss(0, 1)]
random.setstate(st)
print(a == [random.random() for _ in range(3)] + [random.gauss(0, 1)], st[0], len(st[1]))
r = random.Random(5)
print(r.random(), random.Random('x').random(), random.Random(5).getrandbits(70), random.Random(b'x').random())
try:
    random.seed([1])
except TypeError as e:
    print('TypeError', e)
