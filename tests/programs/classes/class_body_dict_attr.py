# a __dict__ or __weakref__ in a class body is kept: the instance-dict descriptor does not replace it (vars() reads it)
class C(object):
    def getDict(self):
        return {'a':2}
    __dict__ = property(fget=getDict)
c = C()
print(c.__dict__, vars(c))
print(type(C.__dict__['__dict__']))
c.x = 5
print(c.x, c.__dict__)
class D:
    __weakref__ = 3
print(D.__weakref__, D().__weakref__)
class E:
    pass
e = E(); e.y = 1
print(vars(e), E.__dict__['__dict__'])
