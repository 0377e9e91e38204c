# object.__reduce_ex__/__reduce__/__getstate__ with copyreg: __newobj__, __newobj_ex__, _reconstructor, __getnewargs(_ex)__, slots, overridden __reduce__, what cannot be pickled
import copyreg

def rebuild(obj, proto):
    rv = obj.__reduce_ex__(proto)
    func, args = rv[0], rv[1]
    state = rv[2] if len(rv) > 2 else None
    listitems = rv[3] if len(rv) > 3 else None
    dictitems = rv[4] if len(rv) > 4 else None
    y = func(*args)
    if state is not None:
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for k, v in slotstate.items():
                    setattr(y, k, v)
    if listitems is not None:
        for item in listitems:
            y.append(item)
    if dictitems is not None:
        for k, v in dictitems:
            y[k] = v
    return y

class P:
    def __init__(self, x, y): self.x = x; self.y = y
    def __repr__(self): return f'P({self.x!r}, {self.y!r})'
p = P([1, 2], {'a': 3})
rv = p.__reduce_ex__(4)
print(rv[0] is copyreg.__newobj__, rv[1:], p.__reduce_ex__(2) == rv)
rv = p.__reduce_ex__(1)
print(rv[0] is copyreg._reconstructor, rv[1:])
print(p.__reduce__()[0] is copyreg._reconstructor, p.__getstate__(), object.__getstate__(P(1, 2)))
print(rebuild(p, 4), rebuild(p, 0))

class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1
print(s.__reduce_ex__(2)[2], s.__getstate__(), S.__slotnames__)
t = rebuild(s, 2); print(t.a, hasattr(t, 'b'))
try:
    s.__reduce_ex__(1)
except TypeError as e:
    print(e)
class SD(S):
    __slots__ = ('__dict__', '__c')
sd = SD(); sd.a = 1; sd._SD__c = 3; sd.z = 9
print(sd.__getstate__(), SD.__slotnames__)

class N:
    def __new__(cls, v): o = super().__new__(cls); o.made = v; return o
    def __init__(self, v): self.v = v
    def __getnewargs__(self): return (self.v,)
n = N(3); rv = n.__reduce_ex__(2); print(rv[1], rv[2]); m = rebuild(n, 2); print(m.v, m.made)
class K:
    def __new__(cls, *, k): o = super().__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {'k': self.k})
rv = K(k=9).__reduce_ex__(2); print(rv[0] is copyreg.__newobj_ex__, rv[1], rebuild(K(k=9), 2).k)
class Bad1:
    def __getnewargs__(self): return [1]
class Bad2:
    def __getnewargs_ex__(self): return (1, 2, 3)
class Bad3:
    def __getnewargs_ex__(self): return ([], {})
class Bad4:
    def __getnewargs_ex__(self): return ((), [])
for b in [Bad1(), Bad2(), Bad3(), Bad4()]:
    try:
        b.__reduce_ex__(2)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

class L(list):
    pass
l = L([1, 2]); l.tag = 't'
rv = l.__reduce_ex__(2); print(rv[1], rv[2], type(rv[3]).__name__, rv[4])
m = rebuild(l, 2); print(m, type(m).__name__, m.tag)
class D(dict):
    pass
d = D(a=1); rv = d.__reduce_ex__(2); print(rv[1], rv[2], rv[3], type(rv[4]).__name__, rebuild(d, 2))
class I(int):
    pass
print(I(5).__reduce_ex__(2)[1], rebuild(I(5), 2), type(rebuild(I(5), 2)).__name__)
class T(tuple):
    pass
print(T((1, 2)).__reduce_ex__(2)[1:3], rebuild(T((1, 2)), 2))
class St:
    def __init__(self): self.a = 1
    def __getstate__(self): return {'a': self.a * 10}
    def __setstate__(self, st): self.__dict__.update(st); self.restored = True
st = rebuild(St(), 2); print(st.a, st.restored)
class R:
    def __reduce__(self): return (R, ())
print(R().__reduce_ex__(2), R().__reduce_ex__(0))
class RE:
    def __reduce_ex__(self, proto): return (RE, (), None, None, None)
print(RE().__reduce_ex__(4)[1:])
class Prop(property):
    pass
for obj in [Prop(), iter({}.keys()).__class__, (x for x in ())]:
    try:
        print(type(obj).__name__, obj.__reduce_ex__(2) if not isinstance(obj, type) else 'class')
    except TypeError as e:
        print(e)
try:
    object.__reduce_ex__(P(1, 2), 'x')
except TypeError as e:
    print(e)
print(object().__reduce_ex__(2)[1:], object().__reduce__()[1])
print(P.__flags__ & (1 << 9) != 0, int.__flags__ & (1 << 9), int.__new__.__self__ is int)
print(bytearray(b'ab\xff').__reduce_ex__(2), bytearray(b'ab').__reduce_ex__(3), bytearray().__reduce_ex__(4), bytearray(b'x').__reduce__())
class B(bytearray): pass
b = B(b'x'); b.t = 1; print(b.__reduce_ex__(4), rebuild(b, 4), rebuild(b, 4).t)
print(len.__reduce__(), [].append.__reduce__()[0] is getattr, [1].append.__reduce__()[1], len.__module__)
