# A nested structure built with random.choice/randrange, dumped with indent and sorted
# keys, loaded back and compared.
import json, random
random.seed(5)
def make(d):
    if d == 0: return random.choice([1, 2.5, 'str\u00e9', None, True, 'x' * random.randrange(30)])
    return random.choice([{('k%d' % i): make(d - 1) for i in range(random.randrange(6))}, [make(d - 1) for i in range(random.randrange(6))]])
data = [make(6) for _ in range(60)]
s = json.dumps(data, indent=2, sort_keys=True)
t = json.loads(s)
print(len(s), t == data, len(json.dumps(t, ensure_ascii=False)))
