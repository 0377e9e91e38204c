# bytes/bytearray: __index__ items and counts, __bytes__, split keywords, hex(b'\0'), fromhex whitespace, bytearray subclass __init__
import sys
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class Bad:
    def __index__(self): return 1 // 0
b = bytearray(); b.append(Idx(65)); b.insert(0, Idx(66)); print(b)
print(bytes([Idx(1), Idx(255)]), bytes(Idx(3)), bytearray(Idx(2)))
for bad in (Bad(), [Idx(256)], [Bad()], sys.maxsize + 1, -1):
    try:
        bytes(bad)
    except Exception as e:
        print(type(e).__name__, e)
class A:
    def __bytes__(self): return b'from A'
class W:
    def __bytes__(self): return 'str'
print(bytes(A()), bytes(b'xy').__bytes__(), type(bytes(A())).__name__)
try:
    bytes(W())
except TypeError as e:
    print(e)
print(b'a b  c'.split(maxsplit=1), b'a,b,c'.rsplit(sep=b',', maxsplit=1), bytearray(b'x y').split(sep=None))
print(b'\xb9\x01\xef'.hex(b'\x00'), b'\xb9\x01\xef'.hex(':', 2))
for s in ('\x1c', '\x85', ' 1a\t\n2b\x0b'):
    try:
        print(bytes.fromhex(s))
    except ValueError as e:
        print('ValueError', e)
print(b'ab'.find(b'xxx', sys.maxsize + 1, 0), 'ab'.find('b', Idx(1)), b'abc'.count(b'c', Idx(-1)))
class BA(bytearray):
    def __init__(self, *args, **kw):
        bytearray.__init__(self, *args, **kw)
        self.extra = 1
print(BA(b'abc'), BA('xy', 'ascii'), BA.fromhex('1a2B'), BA(iter([1, 2])).extra)
class BB(bytearray):
    def __init__(self, n):
        super().__init__(b'z' * n)
print(BB(3), len(BB(0)))
x = bytearray(b'hello'); x.__init__(b'bye'); print(x)
