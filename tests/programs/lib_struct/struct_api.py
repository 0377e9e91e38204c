# struct: Struct objects, pack_into/unpack_from offsets, iter_unpack, the format cache, argument errors
import struct

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

s = struct.Struct('<hhl')
print(s.format, s.size, type(s).__name__, type(s).__module__, struct.Struct(b'>I').format)
print(s.pack(1, 2, 3), s.unpack(b'\x01\x00\x02\x00\x03\x00\x00\x00'))
buf = bytearray(12)
s.pack_into(buf, 2, -1, -2, -3)
print(buf, s.unpack_from(buf, 2), s.unpack_from(buf, offset=2), s.unpack_from(buffer=buf))
struct.pack_into('>H', buf, -2, 0xabcd)
print(buf, struct.unpack_from('>H', buf, -2), struct.unpack_from('<H', buf, offset=-4))

for f in [lambda: struct.pack_into('i', b'1234', 0, 1),
          lambda: struct.pack_into('i', 'abcd', 0, 1),
          lambda: struct.pack_into('i'),
          lambda: struct.pack_into('i', bytearray(4)),
          lambda: struct.pack_into('i', bytearray(4), 0),
          lambda: struct.pack_into('i', bytearray(4), 'a', 1),
          lambda: struct.pack_into('i', bytearray(8), -1, 1),
          lambda: struct.pack_into('i', bytearray(8), 6, 1),
          lambda: struct.pack_into('i', bytearray(6), -9, 1),
          lambda: struct.pack_into('8s', bytearray(6), -7, b''),
          lambda: struct.pack_into('i', bytearray(3), 0, 1),
          lambda: struct.Struct('i').pack_into(bytearray(8)),
          lambda: struct.Struct('i').pack_into(bytearray(8), 0),
          lambda: struct.Struct('i').pack(),
          lambda: struct.pack(),
          lambda: struct.unpack('i'),
          lambda: struct.unpack(),
          lambda: struct.unpack('i', b'abc'),
          lambda: struct.unpack('i', 'abcd'),
          lambda: struct.unpack('i', b'abcdef'),
          lambda: struct.unpack_from('i'),
          lambda: struct.unpack_from('i', b'1234', offset=1),
          lambda: struct.unpack_from('i', b'abc', 2),
          lambda: struct.unpack_from('i', b'abcdef', -1),
          lambda: struct.unpack_from('i', b'abcdef', -10),
          lambda: struct.unpack_from('8s', b'123456', -7),
          lambda: struct.unpack_from('i', b'12345678', 'x'),
          lambda: struct.unpack_from('i', b'12345678', 1, 2),
          lambda: struct.unpack_from('i', b'12345678', bad=1),
          lambda: struct.calcsize(),
          lambda: struct.calcsize('i', 'i'),
          lambda: struct.Struct(),
          lambda: struct.Struct('i', 'j'),
          lambda: struct.Struct(format='i').size,
          lambda: struct.Struct(fmt='i'),
          lambda: struct.iter_unpack('i', b'abc'),
          lambda: struct.iter_unpack('', b'abc'),
          lambda: struct.iter_unpack('i'),
          lambda: s.unpack(),
          lambda: s.unpack(b'', b''),
          lambda: list(s.iter_unpack(b'x' * 16)),
          lambda: struct.pack('i', 1, x=2),
          lambda: struct.pack_into('i', x=1), lambda: struct.unpack('i', x=1),
          lambda: struct.iter_unpack('i', x=1), lambda: s.pack(x=1), lambda: s.pack_into(x=1),
          lambda: s.unpack(x=1), lambda: struct._clearcache(1), lambda: struct.calcsize(x=1),
          lambda: s.iter_unpack(x=1)]:
    print(attempt(f))

it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(list(struct.iter_unpack('>2B', bytearray(b'abcdef'))), list(struct.Struct('x').iter_unpack(b'')))

import array
print(struct.unpack('<2h', array.array('h', [1, -2])), struct.unpack('<i', bytearray(b'\x01\x02\x03\x04')))
print(struct.pack('<2h', *array.array('h', [5, 6])))

struct._clearcache()
for i in range(250):
    assert struct.calcsize('%dB' % i) == i
print(struct.calcsize('250B'), struct.pack('2i', 1, 2) == struct.Struct('2i').pack(1, 2))

class MyStruct(struct.Struct):
    def __init__(self, fmt, tag):
        super().__init__(fmt)
        self.tag = tag

m = MyStruct('<I', 'x')
print(m.tag, m.size, m.format, m.pack(7), isinstance(m, struct.Struct))
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
try:
    struct.unpack('<I', b'\x00')
except struct.error as e:
    print('caught', e)
print(sorted(n for n in dir(struct) if not n.startswith('__')))
struct.unpack('>Q', b'short')
