# __slots__ as CPython: sorted members, mangled private names, names listed twice (datetime), __doc__/__dict__/__weakref__ entries, every error message
class C:
    __slots__ = ('b', 'a', '__x')
print(list(C.__dict__), C.__slots__)
c = C(); c._C__x = 1; print(c._C__x)
class D(C):
    __slots__ = C.__slots__ + ('c', 'c')
print(list(D.__dict__))
d = D(); d.c = 3; d.a = 1; print(d.c, d.a, D.a is C.a, type(D.__dict__['a']).__name__)
class Doc:
    __slots__ = ('_name', '__doc__')
    def __init__(self, doc): self.__doc__ = doc
print(Doc('hello').__doc__, type(Doc.__dict__['__doc__']).__name__, Doc.__doc__ is Doc.__dict__['__doc__'])
class W:
    __slots__ = ('__weakref__', 'x')
print(list(W.__dict__), W().__weakref__)
class WD:
    __slots__ = ('__dict__',)
w = WD(); w.q = 1; print(w.__dict__, list(WD.__dict__))
def t1():
    class E:
        __slots__ = ('__dict__', '__dict__')
def t2():
    class E(WD):
        __slots__ = ('__dict__',)
def t3():
    class E:
        __slots__ = ('__weakref__', '__weakref__')
def t4():
    class E(W):
        __slots__ = ('__weakref__',)
def t5():
    class E:
        pass
    class F(E):
        __slots__ = ('__weakref__',)
def t6():
    class E(tuple):
        __slots__ = ('__weakref__',)
def t7():
    class E(tuple):
        __slots__ = ('x',)
def t8():
    class E(int):
        __slots__ = ('x',)
def t9():
    class E:
        __slots__ = ('1x',)
def t10():
    class E:
        __slots__ = (3,)
def t11():
    class E:
        __slots__ = ('x',)
        x = 1
def t12():
    class E:
        '''doc'''
        __slots__ = ('__doc__',)
def t13():
    class E:
        __slots__ = ('__qualname__',)
def t14():
    class E:
        __slots__ = 'abc'
    print(list(E.__dict__))
def t15():
    class E:
        __slots__ = {'p': 'doc of p'}
    print(list(E.__dict__))
def t16():
    class E:
        __slots__ = ['__classcell__']
        def f(self): __class__
def t17():
    class E(tuple):
        __slots__ = ()
    print(list(E.__dict__))
def t18():
    class E(int):
        __slots__ = ('__dict__',)
def t19():
    class E(tuple):
        __slots__ = ('__dict__',)
def t20():
    class Plain:
        pass
    class Sub(Plain):
        pass
    print(list(Plain.__dict__), list(Sub.__dict__), Sub().__weakref__)
    class Sl(Plain):
        __slots__ = ('a',)
    print(list(Sl.__dict__))
    s = Sl(); s.b = 1; s.a = 2; print(s.__dict__, s.a)
def t21():
    class ___:
        __slots__ = ('__x',)
    print(list(___.__dict__))
for t in [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20, t21]:
    try:
        t()
        print('ok')
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
