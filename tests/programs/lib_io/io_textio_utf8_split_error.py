# A utf-8 TextIOWrapper read chunk by chunk reports a bad byte before the start of a character it holds back as CPython does: "invalid continuation byte" at that byte's position, not "unexpected end of data".
import io

cases = [b"\r\ra\xc3\xe6\x97", b"a\xc3\xe6", b"\xc3\xe6\x97\x80", b"\xc3\xe6", b"ok\xe6\x97\xf0",
         b"\xc3\xa9\xe6\xf0\x9f"]
for data in cases:
    for chunk in (1, 2, 64):
        for newline in (None, ""):
            f = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=newline)
            f._CHUNK_SIZE = chunk
            try:
                print(repr(f.read(10)))
            except UnicodeDecodeError as e:
                print(chunk, repr(newline), e)
    f = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace")
    f._CHUNK_SIZE = 1
    print(ascii(f.read()))
