# bytearray and array.array refuse to change size while a memoryview of them is out (BufferError), allow same-size changes, and a view given back (release, with, unreachable) unlocks them; a view still referred to keeps the size fixed however it is held (b += memoryview(b), b.extend(memoryview(b)), a slice or an iterator in a variable, an argument, a list map() walks, a generator's frame, array.frombytes of its own view), which the collection that gives dropped views back must not take for dropped
import array
import pickle


def attempt(label, f):
    try:
        f()
        print(label, 'ok')
    except BufferError as e:
        print(label, 'BufferError:', e)
    except (ValueError, IndexError, TypeError) as e:
        print(label, type(e).__name__, e)


b = bytearray(range(10))
v = memoryview(b)


def setslice(n):
    b[1:-1] = range(n + 1, 2 * n - 1)


attempt('same size', lambda: setslice(10))
orig = b[:]
attempt('grow', lambda: setslice(11))
attempt('shrink', lambda: setslice(9))
attempt('pop', lambda: b.pop(0))
attempt('pop empty index', lambda: b.pop(99))
attempt('remove', lambda: b.remove(b[1]))
attempt('remove absent', lambda: b.remove(250))
attempt('append', lambda: b.append(1))
attempt('extend', lambda: b.extend([1, 2]))
attempt('extend empty', lambda: b.extend([]))
attempt('extend bytes', lambda: b.extend(b'xy'))
attempt('insert', lambda: b.insert(0, 1))
attempt('clear', lambda: b.clear())


def delitem():
    del b[1]


def delslice():
    b[1:-1:2] = b""


def iadd():
    global b
    b += b'z'


def imul(n):
    global b
    b *= n


attempt('del item', delitem)
attempt('del ext slice', delslice)
attempt('+=', iadd)
attempt('*= 1', lambda: imul(1))
attempt('*= 2', lambda: imul(2))
attempt('__init__', lambda: b.__init__(b'abc'))
b[0] = 99
print(b == orig, b[0], v[0], len(b))
v.release()
b.append(7)
print(len(b), b[-1])
with memoryview(b) as m:
    attempt('inside with', lambda: b.append(1))
attempt('after with', lambda: b.append(1))
s = memoryview(b)[2:4]
attempt('slice of view', lambda: b.append(1))
del s
e = bytearray(b'abcdef')
e[::2] = b''
print(e)

a = array.array('i', [1, 2, 3])
m = memoryview(a)
attempt('array append', lambda: a.append(a[0]))
attempt('array append bad', lambda: a.append('x'))
attempt('array extend', lambda: a.extend(a[0:1]))
attempt('array extend empty', lambda: a.extend([]))
attempt('array remove', lambda: a.remove(a[0]))
attempt('array pop', lambda: a.pop(0))
attempt('array fromlist', lambda: a.fromlist(a.tolist()))
attempt('array frombytes', lambda: a.frombytes(a.tobytes()))
attempt('array insert', lambda: a.insert(0, 5))


def aimul(n):
    global a
    a *= n


def asetitem(key, value):
    a[key] = value


def adel(key):
    del a[key]


attempt('array *= 2', lambda: aimul(2))
attempt('array *= 0', lambda: aimul(0))
attempt('array *= 1', lambda: aimul(1))
attempt('array slice insert', lambda: asetitem(slice(0, 0), a))
attempt('array slice same size', lambda: asetitem(slice(0, 2), array.array('i', [7, 8])))
attempt('array del', lambda: adel(0))
attempt('array del slice', lambda: adel(slice(0, 1)))
print(a, m.tolist())
m.release()
a.append(4)
u = array.array('u', 'ab')
with memoryview(u):
    attempt('array fromunicode', lambda: u.fromunicode('c'))
print(a, u)

p = bytearray(b'pickled')
pb = pickle.PickleBuffer(p)
attempt('PickleBuffer held', lambda: p.append(1))
pb.release()
attempt('PickleBuffer released', lambda: p.append(1))

# temporary views are given back by a collection before the resize fails
c = bytearray(b'abc')
d = array.array('b', b'abc')
for i in range(50):
    x = memoryview(c)[0] + memoryview(d)[0]
    c.append(i)
    d.append(i)
print(len(c), len(d), bytes(memoryview(c)[:3]), x)

# still referred to, however it is held: BufferError
h = bytearray(b'abc')


def iadd_own_view():
    global h
    h += memoryview(h)


attempt('iadd own view', iadd_own_view)
attempt('extend own view', lambda: h.extend(memoryview(h)))
held = memoryview(h)[1:]
attempt('slice held', lambda: h.append(1))
it = iter(memoryview(h))
del held
attempt('iterator held', lambda: h.append(1))
del it
attempt('all dropped', lambda: h.append(1))


def takes_view(v):
    h.append(2)


attempt('view an argument', lambda: takes_view(memoryview(h)))
attempt('view in a list map walks', lambda: list(map(lambda v: h.append(3), [memoryview(h)])))
aa = array.array('b', [1, 2])
attempt('array frombytes own view', lambda: aa.frombytes(memoryview(aa)))


def gen():
    v = memoryview(h)
    yield 1
    h.append(4)
    yield 2


attempt('view in a generator', lambda: list(gen()))
print(len(h), len(aa))
