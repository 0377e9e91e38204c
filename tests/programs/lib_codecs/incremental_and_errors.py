# An incremental UTF-8 decoder keeps a truncated surrogate (ED A0..BF) for
# surrogatepass to take whole; UTF-7's leftover whole base64 digit is a
# partial character; an escape warning names a non-ASCII byte as its Latin-1
# character; a codec error whose class overrides __init__ is left unwrapped.
import codecs
import warnings

for enc in ("utf-8", "utf-8-sig"):
    for ch in ("\ud901", "\udc02"):
        data = ch.encode(enc, "surrogatepass")
        for i in range(1, len(data)):
            dec = codecs.getincrementaldecoder(enc)("surrogatepass")
            print(enc, i, ascii(dec.decode(data[:i])), ascii(dec.decode(data[i:], True)))
print(codecs.utf_8_decode(b"a\xed\xa0", "surrogatepass", False))
print(codecs.utf_8_decode(b"a\xed\xa0", "replace", True))
try:
    codecs.utf_8_decode(b"a\xed\xa0", "strict", True)
except UnicodeDecodeError as e:
    print(e)

for raw in (b"a+2AE-b", b"a+2AEA-b", b"a+IKzYAQA-b", b"a+IKwgrNgBA-b", b"a+IKwgrNgB", b"+AGEA"):
    print(raw, ascii(raw.decode("utf-7", "replace")))
try:
    b"a+IKwgrNgBA-b".decode("utf-7")
except UnicodeDecodeError as e:
    print(e)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    codecs.escape_decode(b"\\\xfa")
    codecs.unicode_escape_decode(b"\\\xe9x")
    codecs.escape_decode(b"\\z")
    codecs.escape_decode(b"\\777")
    codecs.unicode_escape_decode(b"\\777")
for w in caught:
    print(w.category.__name__, ascii(str(w.message)))


class CustomInit(RuntimeError):
    def __init__(self):
        pass


def raise_it(*args, **kwds):
    raise CustomInit


def search(name):
    if name == "conf2_test_codec":
        return codecs.CodecInfo(raise_it, raise_it, name=name)


codecs.register(search)
for f in (lambda: "x".encode("conf2_test_codec"), lambda: b"x".decode("conf2_test_codec")):
    try:
        f()
    except RuntimeError as e:
        print(type(e).__name__, repr(str(e)), e.__cause__)
