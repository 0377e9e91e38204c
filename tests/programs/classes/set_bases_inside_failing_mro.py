# C.__bases__ = X whose mro() fails after itself assigning other bases: those stand (CPython restores the old bases only while they are still X)
class E(Exception):
    pass

state = {'ready': False}

class M(type):
    def mro(cls):
        if state['ready'] and cls.__name__ == 'C':
            if C.__bases__ == (B2,):
                state['ready'] = False
            else:
                C.__bases__ = (B2,)
                raise E
        return type.mro(cls)

class A(metaclass=M):
    pass
class B1(A):
    pass
class B2(A):
    pass
class C(A):
    pass

state['ready'] = True
try:
    C.__bases__ = (B1,)
except E:
    print('E raised')
print([k.__name__ for k in C.__bases__], [k.__name__ for k in C.__mro__])
B1.__bases__ = (C,)
print([k.__name__ for k in B1.__mro__])

class Fails(type):
    def mro(cls):
        if getattr(cls, 'fail', False):
            raise E('no mro')
        return type.mro(cls)
class P(metaclass=Fails):
    pass
class Q(metaclass=Fails):
    pass
class R(P):
    pass
R.fail = True
try:
    R.__bases__ = (Q,)
except E as e:
    print('E', e)
print([k.__name__ for k in R.__bases__], [k.__name__ for k in R.__mro__])
