# subclasses of int, str, tuple, bytes, frozenset, set, bytearray, float, complex, list and dict get an instance __dict__ and keep the base's behaviour
class Meters(int):
    def __repr__(self): return f"Meters({int(self)})"
m = Meters(5)
print(type(m).__name__, m, m + 1, type(m + 1), m * 2, -m, m == 5, hash(m) == hash(5), m < 6, {m: 1}[5])
m.unit = "m"
print(m.unit, m.__dict__, vars(m))
big = Meters(10**30)
big.x = 1
print(big, big.x, big // 3, type(big // 3))
print(m.real, m.imag, m.numerator, m.denominator, type(m.real))
print((5).real, (5).imag, (5).numerator, (5).denominator, True.real, (10**20).numerator)
print(f"{m:>5}", "%d" % m, str(m), format(m, "x"), bin(m), hex(m), int(m), float(m))
print([0, 1, 2, 3, 4, 5, 6][m], list(range(m)), "ab" * Meters(2), abs(Meters(-3)), divmod(m, 2), pow(m, 2), round(m))
class S(str):
    pass
s = S("hello")
s.tag = 1
print(s, repr(s), s.tag, s == "hello", hash(s) == hash("hello"), s.upper(), type(s.upper()), s + "!", type(s + "!"), s[1:], len(s), "ell" in s, {s: 1}["hello"], {"hello": 2}[s])
print(S("x") is not S("x"), s.__dict__, sorted([S("b"), S("a")]), "-".join([S("a"), S("b")]), f"{s}", str(s), type(str(s)))
class T(tuple):
    pass
t = T((1, 2))
t.name = "pt"
print(t, t.name, t == (1, 2), len(t), t[0], type(t + (3,)), vars(t))
class B(bytes): pass
b = B(b"ab"); b.q = 3
print(b, b.q, b == b"ab", b.hex())
class FS(frozenset): pass
f = FS([1, 2]); f.z = 9
print(sorted(f), f.z, f == frozenset([1, 2]), type(f | {3}))
class ST(set): pass
st = ST([1]); st.w = 2; st.add(3)
print(sorted(st), st.w, vars(st))
class BA(bytearray): pass
ba = BA(b"x"); ba.k = 1; ba += b"y"
print(ba, ba.k)
class F(float): pass
fl = F(2.5); fl.u = 1
print(fl, fl.u, fl + 1, type(fl + 1))
class C(complex): pass
c = C(1, 2); c.v = 3
print(c, c.v)
class L(list): pass
l = L([1]); l.a = 1; print(l, l.a)
class D(dict): pass
d = D(a=1); d.b = 2; print(d, d.b)
