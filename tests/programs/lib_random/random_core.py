# _random.Random (the Mersenne Twister under Lib/random.py): seeding by int/hash, random, getrandbits, getstate/setstate, subclassing, errors
import _random

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

for seed in (0, 1, 42, -42, 2**32, 2**32 - 1, 2**64 + 3, 10**50, True, 3.5, -0.0, (1, 2)):
    r = _random.Random(seed)
    print(repr(seed), r.random(), r.getrandbits(1), r.getrandbits(31), r.getrandbits(32),
          r.getrandbits(33), r.getrandbits(64), r.getrandbits(65), r.getrandbits(200), r.getrandbits(0))
print(_random.Random(-5).random() == _random.Random(5).random(), _random.Random(0).random() == _random.Random(False).random())

r = _random.Random(2024)
state = r.getstate()
print(type(state).__name__, len(state), state[-1], state[:3])
first = [r.random() for _ in range(700)]
r.setstate(state)
print(first == [r.random() for _ in range(700)], r.getstate()[-1])
r.seed(7)
a = r.random()
r.seed()
r.seed(7)
print(a == r.random(), r.seed(None), r.seed(8), r.random())
s = list(state)
s[-1] = 624
r.setstate(tuple(s))
print(r.getstate()[-1], r.random())
s[0] = 2**32 + 5
r.setstate(tuple(s))
print(r.getstate()[0])

for f in [lambda: _random.Random(1, 2), lambda: _random.Random(x=1), lambda: _random.Random([]),
          lambda: r.seed(1, 2), lambda: r.seed(x=1), lambda: r.setstate(1), lambda: r.setstate((1,)),
          lambda: r.setstate(tuple(range(624)) + (625,)), lambda: r.setstate(tuple(range(624)) + (-1,)),
          lambda: r.setstate(tuple(range(623)) + (-1, 0)), lambda: r.setstate(tuple(range(623)) + ('x', 0)),
          lambda: r.getrandbits(-1), lambda: r.getrandbits(2**31), lambda: r.getrandbits('x'),
          lambda: r.random(1), lambda: r.getstate(1), lambda: type(r).__mro__, lambda: type(r).__module__]:
    print(attempt(f))

class Seeded(_random.Random):
    def __init__(self, a, b):
        self.b = b
        super().__init__(a)

s = Seeded(3, 4)
print(s.b, s.random() == _random.Random(3).random(), isinstance(s, _random.Random))

class Plain(_random.Random):
    pass

print(Plain(3).random() == _random.Random(3).random(), attempt(lambda: Plain(3, 4)), attempt(lambda: Plain(x=3)))

class Unseeded(_random.Random):
    def __new__(cls, *args):
        return super().__new__(cls)
    def __init__(self, *args):
        pass

u = Unseeded(1, 2)
print(u.random(), u.getrandbits(8), u.getstate()[-1])

class WithRandom(_random.Random):
    def random(self):
        return 0.5

print(WithRandom(1).random(), WithRandom(1).getrandbits(16) == _random.Random(1).getrandbits(16))
