# bound method repr: __qualname__, else __name__, else '?'
import types
class MyCallable:
    def __call__(self, arg): pass
func = MyCallable()
m = types.MethodType(func, 5)
print(repr(m))
func.__name__ = "name"
print(repr(m))
func.__qualname__ = "Q.name"
print(repr(m))
class Foo:
    def method(self): pass
    @classmethod
    def cm(cls): pass
print(repr(Foo().method).split(' of ')[0], repr(Foo.cm).split(' of ')[0])
