# LOAD_NAME / STORE_NAME / DELETE_NAME at module level, in class bodies and
# in exec(): the fast path for exact-dict locals, globals and builtins, and
# the mapping protocol for everything else.
import builtins

# A module-level loop: names in the globals, a builtin, a builtin shadowed
# by a global and then deleted again.
total = 0
for i in range(6):
    total += len([i])
    if i == 2:
        len = lambda x: 10
    if i == 4:
        del len
print(total)

# A builtin replaced and added while the same code runs.
seen = []
for i in range(4):
    if i == 1:
        builtins.extra_name = 'added'
    if i == 2:
        builtins.extra_name = 'replaced'
    try:
        seen.append(extra_name)
    except NameError as e:
        seen.append(str(e))
    if i == 2:
        del builtins.extra_name
print(seen)

# del of a global, then a lookup: NameError, CPython's text.
gone = 1
del gone
try:
    gone
except NameError as e:
    print('NameError:', e)
try:
    del gone
except NameError as e:
    print('NameError:', e)
try:
    undefined_everywhere
except NameError as e:
    print('NameError:', e)

# Keys that are not the interned name itself: an equal str made at run
# time, and an object with the name's hash, whose __eq__ decides (and here
# raises, which LOAD_NAME and STORE_NAME pass on).
globals()[''.join(['dyn', 'amic'])] = 'found by equal text'
for i in range(2):
    print(dynamic)
    dynamic = 'replaced by STORE_NAME'
class SameHash:
    def __hash__(self):
        return hash('collide')
    def __eq__(self, other):
        raise ArithmeticError('__eq__ called with ' + repr(other))
key = SameHash()
globals()[key] = 'object key'
try:
    collide
except ArithmeticError as e:
    print('ArithmeticError:', e)
try:
    collide = 1
except ArithmeticError as e:
    print('ArithmeticError:', e)
del globals()[key]
collide = 'stored'
print(collide)

# A name stored, then rebound many times at module level (STORE_NAME replacing).
counter = 0
for i in range(100):
    counter = counter + i
print(counter)

# exec() with a dict as locals, distinct from the globals.
g = {'a': 'global a', 'shared': 'from globals'}
loc = {'a': 'local a'}
exec("print(a, shared, len('xyz'))\nb = a + '!'\nshared2 = shared", g, loc)
print(sorted(loc), 'b' in g)

# exec() with a custom mapping as locals: KeyError means "look further",
# any other exception propagates.
class Mapping:
    def __init__(self):
        self.data = {'here': 'in mapping'}
        self.log = []
    def __getitem__(self, key):
        self.log.append(key)
        if key == 'boom':
            raise ValueError('boom from __getitem__')
        return self.data[key]
    def __setitem__(self, key, value):
        self.data[key] = value
    def __delitem__(self, key):
        del self.data[key]

m = Mapping()
exec("print(here, a, len('ab'))\nnew = 5\nprint(new)\ndel new", {'a': 'global'}, m)
print(m.log, sorted(m.data))
try:
    exec("boom", {}, m)
except ValueError as e:
    print('ValueError:', e)
try:
    exec("not_anywhere", {}, m)
except NameError as e:
    print('NameError:', e)
try:
    exec("del not_there", {}, m)
except NameError as e:
    print('NameError:', e)

# A dict subclass as locals goes through its __getitem__ (and __missing__).
class Defaulting(dict):
    def __missing__(self, key):
        if key == 'y':
            return 'missing:' + key
        raise KeyError(key)
d = Defaulting(x=1)
exec("print(x, y, len('abcd'))", {}, d)

# exec() with the globals' __builtins__ replaced: a dict, then a mapping
# that is no dict.
exec("print(len('abc'))", {'__builtins__': {'len': lambda s: 'my len', 'print': print}})
try:
    exec("print(len('abc'))", {'__builtins__': {'print': print}})
except NameError as e:
    print('NameError:', e)

class Builtins:
    def __getitem__(self, key):
        if key == 'print':
            return print
        if key == 'oops':
            raise RuntimeError('oops from builtins')
        raise KeyError(key)
try:
    exec("print('via mapping'); nope", {'__builtins__': Builtins()})
except NameError as e:
    print('NameError:', e)
try:
    exec("oops", {'__builtins__': Builtins()})
except RuntimeError as e:
    print('RuntimeError:', e)

# The same code run with different globals: no cache may carry a value
# from one dict to the other.
code = compile("for k in range(3):\n    out.append(value)", "names", "exec")
for value in ('first', 'second'):
    out = []
    exec(code, {'out': out, 'value': value})
    print(out)
out = []
exec(code, {'out': out, '__builtins__': {'range': range, 'value': 'builtin value'}})
print(out)

# Class bodies: a dict namespace, and a __prepare__ mapping that is no dict.
y_outer = 'module y'
class Plain:
    y_outer = y_outer + ' (copied)'
    z = len(y_outer)
    del z
print(Plain.y_outer, hasattr(Plain, 'z'))

class Namespace:
    def __init__(self):
        self.data = {}
        self.reads = []
    def __getitem__(self, key):
        self.reads.append(key)
        if key == 'explode':
            raise LookupError('not a KeyError')
        return self.data[key]
    def __setitem__(self, key, value):
        self.data[key] = value
    def __delitem__(self, key):
        del self.data[key]

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Namespace()
    def __new__(mcls, name, bases, ns):
        print('reads:', [k for k in ns.reads if not k.startswith('__')])
        return super().__new__(mcls, name, bases, dict(ns.data))

class WithMapping(metaclass=Meta):
    a = 1
    b = a + 1
    c = len(y_outer)
    del a
print(WithMapping.b, WithMapping.c, hasattr(WithMapping, 'a'))

try:
    class Explodes(metaclass=Meta):
        explode
except LookupError as e:
    print(type(e).__name__, e)

try:
    class DelMissing(metaclass=Meta):
        del never_set
except NameError as e:
    print('NameError:', e)

# global statements in a function: STORE_GLOBAL replacing and adding.
def bump():
    global counter, fresh_global
    counter = counter + 1
    fresh_global = 'made in bump'
bump()
print(counter, fresh_global)
