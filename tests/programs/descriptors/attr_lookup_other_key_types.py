# An attribute or global name meets a dict key of another type with the same hash: that key's __eq__ decides, side effects included (CPython's test_descr vicious_descriptor_nonsense, type_lookup_mro_reference)
class Evil(object):
    def __hash__(self):
        return hash('attr')
    def __eq__(self, other):
        calls.append('Evil.__eq__')
        try:
            del C.attr
        except AttributeError:
            pass
        return 0

class Descr(object):
    def __get__(self, ob, type=None):
        return 1

class C(object):
    attr = Descr()

calls = []
c = C()
c.__dict__[Evil()] = 0
print(c.attr, sorted(set(calls)))     # how many times __eq__ runs is the specializer's business (3.14: twice)
print(hasattr(c, 'attr'), 'attr' in C.__dict__, getattr(c, 'attr', 'missing'))


class Name:
    """A key that stands for a str of the same text."""
    def __init__(self, text):
        self.text = text
    def __hash__(self):
        return hash(self.text)
    def __eq__(self, other):
        return other == self.text

class Plain:
    pass
p = Plain()
p.__dict__[Name('color')] = 'red'
print([p.color for _ in range(30)][-1], getattr(p, 'color'), hasattr(p, 'size'))

class WithMethod:
    def greet(self):
        return 'from the class'
w = WithMethod()
for i in range(30):
    if i == 20:
        w.__dict__[Name('greet')] = lambda: 'from the instance'
    r = w.greet()
print(r)

Klass = type('Klass', (), {Name('shared'): 'class value'})
print(Klass.shared, Klass().shared)

g = {'__builtins__': __builtins__, Name('len'): lambda x: 'shadowed len'}
exec('r = [len(()) for _ in range(30)]\nprint(r[0], r[-1])', g)

class MyKey(object):
    def __hash__(self):
        return hash('mykey')
    def __eq__(self, other):
        X.__bases__ = (Base2,)

class Base(object):
    mykey = 'from Base'
    mykey2 = 'from Base'

class Base2(object):
    mykey = 'from Base2'
    mykey2 = 'from Base2'

X = type('X', (Base,), {MyKey(): 5})
print(X.mykey, X.mykey2, X.__bases__)

# the key's __eq__ raising: the lookup raises that error
class Raising:
    def __hash__(self):
        return hash('boom')
    def __eq__(self, other):
        raise LookupError('eq of ' + other)

class Holder:
    def boom(self):
        return 'method'
h = Holder()
h.__dict__[Raising()] = 1
for what in ('h.boom', 'h.boom()', 'getattr(h, "boom", None)', 'hasattr(h, "boom")'):
    try:
        print(what, eval(what))
    except LookupError as e:
        print(what, 'LookupError', e)
g = {'__builtins__': __builtins__, Raising(): 2}
for src in ('print(boom)', 'def f():\n    return boom\nprint(f())'):
    try:
        exec(src, g)
    except LookupError as e:
        print('exec LookupError', e)
