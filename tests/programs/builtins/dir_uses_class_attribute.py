# dir(obj) merges the names of obj.__class__ (which a proxy may fake and an empty __class__ slot hides), not of type(obj)
class Foo(object):
    __slots__ = ["__class__", "__dict__"]
    def __init__(self):
        self.bar = "wow"
f = Foo()
print(dir(f))
f.__class__ = int
print('bit_length' in dir(f), '__repr__' in dir(f))

class Target:
    def target_method(self):
        pass
class Proxy:
    def __init__(self):
        self.own = 1
    @property
    def __class__(self):
        return Target
    def proxy_method(self):
        pass
p = Proxy()
names = dir(p)
print('target_method' in names, 'proxy_method' in names, 'own' in names, isinstance(p, Target))

class Pseudo:                     # a __class__ that is not a type
    __dict__ = {'pseudo_name': 1}
    __bases__ = ()
class Odd:
    __class__ = Pseudo()
print(dir(Odd()))

class Broken:
    @property
    def __class__(self):
        raise KeyError('no class')
try:
    dir(Broken())
except KeyError as e:
    print('KeyError', e)
print(dir(Foo) == sorted(set(dir(Foo))), 'bar' in dir(Foo), '__slots__' in dir(Foo))
