# _pickle: persistent_id/persistent_load, dispatch_table, reducer_override, memo proxies, fast mode, find_class, errors
import pickle, io, copyreg

class Thing:
    def __init__(self, n):
        self.n = n

class PersPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Thing):
            return ('thing', obj.n)
        return None

class PersUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        print('persistent_load', pid)
        return Thing(pid[1] * 10)

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    f = io.BytesIO()
    PersPickler(f, proto).dump([Thing(1), Thing(2), 'x'])
    print(proto, f.getvalue())
    f.seek(0)
    got = PersUnpickler(f).load()
    print([getattr(x, 'n', x) for x in got])

# persistent_id as an attribute
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.persistent_id = lambda obj: 'P' if obj == 42 else None
p.dump([41, 42])
print(f.getvalue())
u = pickle.Unpickler(io.BytesIO(f.getvalue()))
u.persistent_load = lambda pid: 'loaded ' + pid
print(u.load())
try:
    pickle.loads(f.getvalue())
except pickle.UnpicklingError as e:
    print('UnpicklingError:', e)

# dispatch_table
class Celsius:
    def __init__(self, t):
        self.t = t
def reduce_celsius(c):
    return (Celsius, (c.t + 1,))
f = io.BytesIO()
p = pickle.Pickler(f, 3)
p.dispatch_table = copyreg.dispatch_table.copy()
p.dispatch_table[Celsius] = reduce_celsius
p.dump(Celsius(20))
print(pickle.loads(f.getvalue()).t)

class TablePickler(pickle.Pickler):
    dispatch_table = {Celsius: lambda c: (Celsius, (c.t * 2,))}
f = io.BytesIO()
TablePickler(f).dump(Celsius(21))
print(pickle.loads(f.getvalue()).t)

# reducer_override
class OverridePickler(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Celsius:
            return (str, ('not a class',))
        if isinstance(obj, int):
            return (int, (99,))     # never called for ints
        return NotImplemented
f = io.BytesIO()
OverridePickler(f, 4).dump([Celsius, 7, Thing])
print(pickle.loads(f.getvalue()))

# memo proxies
f = io.BytesIO()
p = pickle.Pickler(f, 2)
obj = ['shared']
p.dump(obj)
memo = p.memo.copy()
print(sorted((v[0], v[1]) for v in memo.values()))
p.dump(obj)
p.memo.clear()
p.dump(obj)
p2 = pickle.Pickler(io.BytesIO(), 2)
p2.memo = p.memo
p2.memo = {id(obj): (0, obj)}
print(p.memo.__reduce__()[0] is dict)
f.seek(0)
u = pickle.Unpickler(f)
print(u.load(), u.load(), u.memo.copy())
u.memo = {0: 'zero'}
print(u.memo.copy())
for bad in (1, {1: 2}):
    try:
        p2.memo = bad
    except TypeError as e:
        print('TypeError:', e)

# fast mode, clear_memo
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.fast = 1
p.dump([obj, obj])
print(f.getvalue(), p.bin, p.fast)
p.clear_memo()

# find_class
class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == 'builtins' and name in ('set', 'frozenset'):
            return super().find_class(module, name)
        raise pickle.UnpicklingError('global %s.%s is forbidden' % (module, name))
print(Restricted(io.BytesIO(pickle.dumps({1, 2}, 2))).load())
try:
    Restricted(io.BytesIO(pickle.dumps(len, 2))).load()
except pickle.UnpicklingError as e:
    print('UnpicklingError:', e)
print(pickle.Unpickler(io.BytesIO(b'')).find_class('os.path', 'join').__name__)
print(pickle.loads(b'c__builtin__\nset\n(lp0\nI1\natR.'))
print(pickle.loads(b'\x80\x02c__builtin__\nxrange\nK\x03\x85R.'))

# errors
def local():
    pass
for bad in (lambda: 0, local):
    try:
        pickle.dumps(bad, 2)
    except (pickle.PicklingError, AttributeError) as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])
class NoReduce:
    def __reduce__(self):
        return 42
for v in (NoReduce(),):
    try:
        pickle.dumps(v)
    except pickle.PicklingError as e:
        print('PicklingError:', e)
for data in (b'', b'\x80\x04', b'X', b'(', b'\x80\x09.', b'q\x00.', b'h\x05.', b'0.', b'1.', b'K'):
    try:
        print(pickle.loads(data))
    except Exception as e:
        print(type(e).__name__, e)
for args in ((), ('x',), (io.BytesIO(), 6), (io.BytesIO(), 4, True, print)):
    try:
        pickle.Pickler(*args)
    except Exception as e:
        print(type(e).__name__, e)
class Half(pickle.Pickler):
    def __init__(self):
        pass
try:
    Half().dump(1)
except pickle.PicklingError as e:
    print('PicklingError:', e)
print(pickle.PickleError.__module__, pickle.PicklingError.__mro__[1].__name__)
