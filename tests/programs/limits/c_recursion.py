# Recursion through C (comparing, repr/str of deep structures, a __call__ that is an instance) raises RecursionError, never crashes
x = {}; x['foo'] = x
y = {}; y['foo'] = y
try:
    print(y == x)
except RecursionError as e:
    print('dicts:', e)
a = []; b = []
for i in range(10**5):
    a = [a]; b = [b]
try:
    print(a == b)
except RecursionError as e:
    print('lists:', e)
try:
    print(a < b)
except RecursionError as e:
    print('lists <:', e)
t = ()
for i in range(10**5):
    t = (t,)
try:
    print(len(repr(t)))
except RecursionError as e:
    print('tuple repr:', e)
try:
    print(len(str(a)))
except RecursionError as e:
    print('list str:', e)
d = {}
for i in range(10**5):
    d = {'a': d}
try:
    print(len(repr(d)))
except RecursionError as e:
    print('dict repr:', e)

class A:
    pass
A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print('call:', e)

# Shallow structures still compare, hash and print.
l1 = [1]; l2 = [1]
t1 = ()
for i in range(300):
    l1 = [l1]; l2 = [l2]; t1 = (t1, i)
print(l1 == l2, l1 != l2, hash(t1) == hash(t1), len(repr(l1)))

# The limit is still usable after each of these.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
