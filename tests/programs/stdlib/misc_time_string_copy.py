# time (clocks move forward, strftime, gmtime), the string constants and capwords, copy.copy and copy.deepcopy (shared and cyclic structures)
import time
import string
import copy

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.005, time.monotonic() >= m0)
print(type(time.time_ns()).__name__, time.perf_counter_ns() > 0, time.process_time() >= 0, type(time.monotonic_ns()).__name__)
print(time.strftime('%Y-%m-%d', (2024, 3, 5, 12, 30, 0, 1, 65, 0)), time.gmtime(0)[:6])
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords('hello   world  foo'), string.capwords('a-b-c', '-'))

a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]['k'].append(5)
print(a, b, c)
print(b[1] is a[1], c[1] is a[1])
t = (1, 2, [3])
print(copy.copy(t) is t, copy.deepcopy(t) == t, copy.deepcopy(t) is t)
shared = [1]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp, dp[0] is dp[1])
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[0])
d = {'a': {1, 2}, 'b': (1, [2])}
e = copy.deepcopy(d)
print(e, e['a'] is d['a'], e['b'][1] is d['b'][1])
print(copy.copy({1, 2}), copy.copy({'x': 1}), copy.deepcopy('s'), copy.copy(5))
