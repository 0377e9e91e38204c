# A slice covering the whole of an exact bytes, str or tuple is the object itself
# (CPython returns it as it is); a subclass's, a bytearray's and a part are new objects.
b = b"hello world"
s = "hello world"
t = (1, 2, 3)
print(b[:] is b, b[0:] is b, b[::1] is b, b[:len(b)] is b, b[0:11:1] is b, b[1:] is b)
print(s[:] is s, s[0:] is s, s[::1] is s)
print(t[:] is t, t[0:] is t, t[::1] is t)
class B(bytes): pass
class S(str): pass
class T(tuple): pass
print(B(b"xy")[:] is B(b"xy"), type(B(b"xy")[:]).__name__, type(S("xy")[:]).__name__, type(T((1,))[:]).__name__)
e = b""
print(e[:] is e, b""[:] == b"")
ba = bytearray(b"ab")
print(ba[:] is ba)
