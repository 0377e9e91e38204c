# random is Lib/random.py over _random: its whole API, pickling, distributions
import random, pickle, copy
print(sorted(random.__all__)[:5], random.NV_MAGICCONST)
r = random.Random(42)
print(r.vonmisesvariate(1.0, 2.0), r.betavariate(2, 3), r.gammavariate(0.5, 1))
s = pickle.loads(pickle.dumps(r))
print(s.random() == r.random(), copy.copy(r).random() == r.random())
class R(random.Random):
    def random(self):
        return 0.5
print(R(1).choice("abcd"), R(1).uniform(0, 10))
random.seed(7)
print(random.randrange(100), random.sample(range(50), 4), random.getrandbits(70))
