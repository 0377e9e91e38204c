# TextIOWrapper.tell() after every read over short utf-8/latin-1/ascii texts of '\r', '\n', 'a' and 'é', chunk by chunk: the cookies (a '\r' held back included), what seek() back reads, and the newlines seen are CPython's (tell() counts the characters of plain text without decoding it).
import hashlib
import io
import itertools

ALPHABET = ["a", "\r", "\n", "é"]


def cookies(text, enc, newline, chunk):
    data = text.encode(enc, "replace")
    out = []
    for n in range(len(text) + 2):
        for how in ("read", "readline"):
            f = io.TextIOWrapper(io.BytesIO(data), encoding=enc, errors="replace",
                                 newline=newline)
            f._CHUNK_SIZE = chunk
            getattr(f, how)(n)
            c = f.tell()
            seen = f.newlines
            after = f.read()
            f.seek(c)
            out.append((c, seen, f.read() == after))
    return out


for enc in ("utf-8", "latin-1", "ascii"):
    for newline in (None, "", "\n", "\r\n"):
        digest = hashlib.sha256()
        total = 0
        for size in range(5):
            for letters in itertools.product(ALPHABET, repeat=size):
                for chunk in (1, 2, 3):
                    result = cookies("".join(letters), enc, newline, chunk)
                    digest.update(repr(result).encode())
                    total += len(result)
        print(enc, repr(newline), total, digest.hexdigest()[:16])

# A few in full.
for text in ("a\r\nb", "\r\r\n", "é\r", "\n\r"):
    print(repr(text), cookies(text, "utf-8", None, 1))
    print(repr(text), cookies(text, "utf-8", "", 2))
