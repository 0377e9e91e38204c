# random's exact sequences for int, big int, str, bytes and float seeds: random, randint, randrange, getrandbits; random.Random instances
import random

for seed in [0, 1, 42, 12345, -7, 2**40 + 3, 2**100 + 12345, 'hello', 'pvm ✓', b'bytes seed', 3.5]:
    random.seed(seed)
    print(repr(seed), [random.random() for _ in range(5)])
    print([random.randint(1, 6) for _ in range(20)])
    print([random.randrange(100) for _ in range(10)], random.randrange(10, 1000, 7), random.randrange(50, 0, -3))
    print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(33), random.getrandbits(64), random.getrandbits(200))
    print(random.randrange(10**30), random.randint(-10**25, 10**25))

random.seed(2024)
total = 0
for i in range(3000):
    total = (total * 31 + int(random.random() * 1e9) + random.randrange(1, 1000)) % (2**61 - 1)
print('checksum', total)

r = random.Random(99)
s = random.Random(99)
print(r.random() == s.random(), r.random(), s.randint(0, 10**6))
print(random.Random(5).random(), random.Random('x').random())
