# codecs: a decoding error handler that gives the exception a new object to decode (pvm looped for ever)
import codecs

def replace_with_long(exc):
    if isinstance(exc, UnicodeDecodeError):
        exc.object = b"\x00" * 8
        return ('\ufffd', exc.start)
    raise TypeError("don't know how to handle %r" % exc)

codecs.register_error("test.replace_with_long", replace_with_long)
print(ascii(b'\x00'.decode('utf-16', 'test.replace_with_long')))
print(ascii(b'\x00'.decode('utf-32', 'test.replace_with_long')))

def shorter(exc):
    exc.object = b"ab"
    return ("?", 5)

codecs.register_error("test.shorter", shorter)
try:
    b"abc\xffdefgh".decode("ascii", "test.shorter")
except IndexError as e:
    print("IndexError:", e)

def not_bytes(exc):
    exc.object = "text"
    return ("?", 1)

codecs.register_error("test.not_bytes", not_bytes)
try:
    b"\xff".decode("utf-8", "test.not_bytes")
except TypeError as e:
    print("TypeError:", e)

def skip_back(exc):
    exc.object = b"xyz"
    return ("<%d>" % exc.start, -1)

codecs.register_error("test.skip_back", skip_back)
print(b"ab\x80cd".decode("ascii", "test.skip_back"))
