# os.path.normpath keeps a str's lone surrogates as they are (one code point each: zoneinfo checks a key's length against it)
import os

for path in ("America/New\ud800York", "a\udcff/./b//../c", "/\ud800/..", "\ud800", "./x/", "", "//a/\udc80"):
    n = os.path.normpath(path)
    print(ascii(n), len(n))
print(ascii(os.path.normpath(b"a/\xff/../b")))
