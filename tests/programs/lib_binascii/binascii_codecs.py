# binascii: hex with separators, base64 (strict and lenient), uuencode, quoted-printable, crc32/crc_hqx, and their errors
import binascii

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

data = bytes(range(0, 256, 7))
print(binascii.hexlify(data), binascii.b2a_hex(b''), binascii.unhexlify(binascii.hexlify(data)) == data)
for sep, per in [('-', 1), (b':', 2), (':', -2), (' ', 3), (' ', -3), ('_', 100), ('.', -1)]:
    print(repr(sep), per, binascii.hexlify(b'abcdefg', sep, per), binascii.hexlify(b'', sep, per),
          binascii.hexlify(b'a', sep, per))
print(binascii.b2a_hex(b'abcdef', sep=':', bytes_per_sep=4), binascii.hexlify(b'\x00\xff', '\xe9'))
print(binascii.unhexlify('0aFf'), binascii.a2b_hex(bytearray(b'00')), binascii.unhexlify(b''))

for f in [lambda: binascii.hexlify(b'abcdef', '::'), lambda: binascii.hexlify(b'abcdef', 1),
          lambda: binascii.hexlify(b'ab', '\u0100'), lambda: binascii.hexlify(b'ab', [1]),
          lambda: binascii.hexlify('ab'), lambda: binascii.unhexlify(b'0g'),
          lambda: binascii.unhexlify(b'0'), lambda: binascii.unhexlify('\xe9\xe9'),
          lambda: binascii.unhexlify(12), lambda: binascii.b2a_hex(b'ab', '-', 'x')]:
    print(attempt(f))

for d in [b'', b'a', b'ab', b'abc', b'abcd', data]:
    enc = binascii.b2a_base64(d)
    print(enc, binascii.b2a_base64(d, newline=False), binascii.a2b_base64(enc) == d)
for s in [b'YWJj\nZA==', 'YWJjZA==', b'YW Jj ZA==', b'YWJjZA', b'YWJjZ', b'YWJjZA=', b'YWJjZA==YQ',
          b'YW=Jj', b'=YWJj', b'YW!Jj', b'YWJjZ===', b'Y', b'====', b'YQ==\n', b'']:
    print(s, attempt(lambda: binascii.a2b_base64(s)),
          attempt(lambda: binascii.a2b_base64(s, strict_mode=True)))

for d in [b'', b'h', b'hello world', b'\x00' * 3, bytes(range(45))]:
    enc = binascii.b2a_uu(d)
    print(enc, binascii.b2a_uu(d, backtick=True), binascii.a2b_uu(enc) == d)
for s in [b'+:&5L;&\\@=V]R;&0 \n', b'&86)C\n', b'', b'\n', b'!80  \n', b'#86)C`\n',
          b'#86)C  x\n', b'#8~)C\n', b'$86)C\n', '#86)C\n']:
    print(s, attempt(lambda: binascii.a2b_uu(s)))
print(attempt(lambda: binascii.b2a_uu(b'x' * 46)))

for d in [b'h\xe9llo=world \n  \t', b'plain text', b'trailing space \nnext\t\nend ',
          b'crlf line\r\nsecond \r\nthird', b'.\n.x\n. \n', b'under_score and space',
          b'x' * 80, b'y' * 75 + b'=' * 3, b'tab\there', b'\x00\x01\x7f\x80\xff', b'a\rb\nc']:
    print(binascii.b2a_qp(d))
    print('   ', binascii.b2a_qp(d, quotetabs=True), binascii.b2a_qp(d, istext=False))
    print('   ', binascii.b2a_qp(d, header=True), binascii.a2b_qp(binascii.b2a_qp(d)) == d)
for s in [b'h=E9llo=3Dworld=\n', b'soft=\r\nbreak', b'a==b', b'=4', b'=', b'=zz', b'a_b', 'ok=41']:
    print(s, binascii.a2b_qp(s), binascii.a2b_qp(s, header=True))

for d in [b'', b'hello', data, b'a' * 1000]:
    print(binascii.crc32(d), binascii.crc32(d, 123), binascii.crc32(d, -1), binascii.crc32(d, 2**40 + 5),
          binascii.crc_hqx(d, 0), binascii.crc_hqx(d, 0xffff), binascii.crc_hqx(d, -1))
crc = 0
for chunk in (b'hel', b'lo'):
    crc = binascii.crc32(chunk, crc)
print(crc == binascii.crc32(b'hello'))
for f in [lambda: binascii.crc32('x'), lambda: binascii.crc32(b'x', 1.0), lambda: binascii.crc_hqx(b'x'),
          lambda: binascii.crc32(), lambda: binascii.b2a_base64('x')]:
    print(attempt(f))
print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
print(sorted(n for n in dir(binascii) if not n.startswith('__')))
