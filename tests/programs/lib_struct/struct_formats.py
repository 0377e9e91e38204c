# struct: sizes and alignment, strings, pascal strings, bools, padding, the format grammar and its errors
import struct

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

for fmt in ['@bhiqd', '@b0i', '=bhiqd', 'xci?e', '@ci', '@cq', '@hd', '<hd', '>hd', '!hd',
            '3x', '10s', '10p', '0s', '0p', '2i 3h', ' i ', '@i0q', 'qb', 'P', 'nN', '@e?',
            b'<i', '100d', '']:
    print(repr(fmt), attempt(lambda: struct.calcsize(fmt)))

for fmt in ['3', 'i\0', '<\xe9', 'i i', '3 i', 'z', '<n', '>P', '=N', '999999999999999999999i',
            '9999999999999999999i', 1, None, b'\xff']:
    print(repr(fmt), attempt(lambda: struct.calcsize(fmt)))

print(struct.pack('3s', b'abcdef'), struct.pack('3s', b'a'), struct.pack('0s', b'a'))
print(struct.pack('5s', bytearray(b'xy')), struct.pack('s', b''))
print(struct.pack('5p', b'abcdefg'), struct.pack('5p', bytearray(b'ab')), struct.pack('0p', b'ab'))
print(struct.pack('1p', b'ab'), struct.unpack('5p', b'\x09abcd'), struct.unpack('1p', b'\x05'))
big = struct.pack('300p', b'a' * 299)
print(big[:3], len(struct.unpack('300p', big)[0]))
print(attempt(lambda: struct.pack('s', 'ab')), attempt(lambda: struct.pack('p', 1)))
print(attempt(lambda: struct.pack('c', b'ab')), attempt(lambda: struct.pack('c', bytearray(b'a'))))
print(attempt(lambda: struct.pack('c', 1)), struct.pack('3c', b'a', b'b', b'c'))
print(struct.unpack('3c', b'xyz'), struct.unpack('2s2p', b'ab\x01c'))
print(struct.pack('?????', 0, 1, [], [0], 'x'), struct.unpack('???', b'\x00\x01\x02'))
print(struct.pack('x?x', True), struct.pack('@c i', b'*', 1), struct.pack('<ci', b'*', 1))
print(struct.pack('2x3x'), struct.unpack('2xh', b'\x00\x00\x05\x00'))
print(struct.pack('>bhilq', 1, 2, 3, 4, 5))
print(struct.pack('<BHILQ', 1, 2, 3, 4, 5))
print(struct.pack('@bhilqnNP', 1, 2, 3, 4, 5, 6, 7, 8))
print(struct.unpack('@bhilqnNP', struct.pack('@bhilqnNP', -1, -2, -3, -4, -5, -6, 7, 8)))
print(struct.unpack('<4B', b'\xff\x80\x7f\x00'), struct.unpack('<4b', b'\xff\x80\x7f\x00'))
print(struct.unpack('>q', b'\x80' + b'\x00' * 7), struct.unpack('<Q', b'\xff' * 8))
print(struct.pack('P', -1), attempt(lambda: struct.pack('P', -2**63 - 1)))

for args in [(), ('i',), ('i', 1, 2), ('2i', 1), ('i', 1.0), ('z', 1)]:
    print(args, attempt(lambda: struct.pack(*args)))
