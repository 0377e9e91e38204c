# memoryview's API: cast, tolist, tobytes, hex, attributes, indexing and slicing, item and slice assignment, ==, hash, iteration, release and errors, with CPython's messages
m = memoryview(b'abcd')
tests = [
 ("m[::2].tobytes()", lambda: (m[::2].tobytes())),
 ("m[::-1].tolist()", lambda: (m[::-1].tolist())),
 ("m[::2].c_contiguous", lambda: (m[::2].c_contiguous)),
 ("m[1:].contiguous", lambda: (m[1:].contiguous)),
 ("m[::2].strides", lambda: (m[::2].strides)),
 ("memoryview(bytearray(b'ab'))[::2].obj", lambda: (memoryview(bytearray(b'ab'))[::2].obj)),
 ("bytes(m[::2])", lambda: (bytes(m[::2]))),
 ("m.cast('c').tolist()", lambda: (m.cast('c').tolist())),
 ("memoryview(b'\\x01\\x02\\x03\\x04').cast('I').tolist()", lambda: (memoryview(b'\x01\x02\x03\x04').cast('I').tolist())),
 ("memoryview(b'\\x01\\x02\\x03\\x04').cast('B', [2,2]).tolist()", lambda: (memoryview(b'\x01\x02\x03\x04').cast('B', [2,2]).tolist())),
 ("memoryview(b'\\x01\\x02\\x03\\x04').cast('B', [2,2])[1,0]", lambda: (memoryview(b'\x01\x02\x03\x04').cast('B', [2,2])[1,0])),
 ("memoryview(b'\\x01\\x02\\x03\\x04').cast('B', [2,2])[1]", lambda: (memoryview(b'\x01\x02\x03\x04').cast('B', [2,2])[1])),
 ("memoryview(b'\\x01\\x02\\x03\\x04').cast('B', [2,2])[0:1].tolist()", lambda: (memoryview(b'\x01\x02\x03\x04').cast('B', [2,2])[0:1].tolist())),
 ("memoryview(b'\\x01\\x02\\x03\\x04').cast('B', [2,2]).tobytes('F')", lambda: (memoryview(b'\x01\x02\x03\x04').cast('B', [2,2]).tobytes('F'))),
 ("memoryview(b'\\x01\\x02\\x03\\x04').cast('H').cast('I')", lambda: (memoryview(b'\x01\x02\x03\x04').cast('H').cast('I'))),
 ("memoryview(b'\\x01\\x02\\x03').cast('H')", lambda: (memoryview(b'\x01\x02\x03').cast('H'))),
 ("memoryview(b'\\x01').cast('B', [])[()]", lambda: (memoryview(b'\x01').cast('B', [])[()])),
 ("len(memoryview(b'\\x01').cast('B', []))", lambda: (len(memoryview(b'\x01').cast('B', [])))),
 ("memoryview(b'ab') == b'ab'", lambda: (memoryview(b'ab') == b'ab')),
 ("memoryview(b'ab') == memoryview(b'ab').cast('c')", lambda: (memoryview(b'ab') == memoryview(b'ab').cast('c'))),
 ("memoryview(b'\\x01') == memoryview(b'\\x01').cast('b')", lambda: (memoryview(b'\x01') == memoryview(b'\x01').cast('b'))),
 ("memoryview(b'ab') < b'ab'", lambda: (memoryview(b'ab') < b'ab')),
 ("hash(memoryview(b'ab')) == hash(b'ab')", lambda: (hash(memoryview(b'ab')) == hash(b'ab'))),
 ("hash(memoryview(bytearray(b'ab')))", lambda: (hash(memoryview(bytearray(b'ab'))))),
 ("hash(memoryview(b'abcd').cast('H'))", lambda: (hash(memoryview(b'abcd').cast('H')))),
 ("m.hex(), m.hex(':'), m.hex('-', 2)", lambda: (m.hex(), m.hex(':'), m.hex('-', 2))),
 ("list(m)", lambda: (list(m))),
 ("m[5]", lambda: (m[5])),
 ("m[-1]", lambda: (m[-1])),
 ("m['x']", lambda: (m['x'])),
 ("m[1.0]", lambda: (m[1.0])),
 ("m[1:3].tobytes()", lambda: (m[1:3].tobytes())),
 ("memoryview('x')", lambda: (memoryview('x'))),
 ("memoryview(1)", lambda: (memoryview(1))),
 ("memoryview()", lambda: (memoryview())),
 ("memoryview(object=b'z').tobytes()", lambda: (memoryview(object=b'z').tobytes())),
 ("m.cast('B', 1)", lambda: (m.cast('B', 1))),
 ("m.cast('Z')", lambda: (m.cast('Z'))),
 ("m.cast('B', [3])", lambda: (m.cast('B', [3]))),
 ("m.cast('<B')", lambda: (m.cast('<B'))),
 ("m.cast(1)", lambda: (m.cast(1))),
 ("m.cast('B', [2,2]).cast('B',[1,4])", lambda: (m.cast('B', [2,2]).cast('B',[1,4]))),
 ("m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.suboffsets, m.readonly, m.obj, m.c_contiguous, m.f_contiguous", lambda: (m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.suboffsets, m.readonly, m.obj, m.c_contiguous, m.f_contiguous)),
 ("repr(m)[:10]", lambda: (repr(m)[:10])),
 ("m.toreadonly().readonly", lambda: (m.toreadonly().readonly)),
 ("memoryview(bytearray(b'a')).toreadonly().readonly", lambda: (memoryview(bytearray(b'a')).toreadonly().readonly)),
 ("memoryview(bytearray(b'ab')).__setitem__(0, 300)", lambda: (memoryview(bytearray(b'ab')).__setitem__(0, 300))),
 ("memoryview(bytearray(b'ab')).__setitem__(0, 'x')", lambda: (memoryview(bytearray(b'ab')).__setitem__(0, 'x'))),
 ("memoryview(b'ab').__setitem__(0, 1)", lambda: (memoryview(b'ab').__setitem__(0, 1))),
 ("memoryview(bytearray(b'ab')).__delitem__(0)", lambda: (memoryview(bytearray(b'ab')).__delitem__(0))),
 ("memoryview(bytearray(b'ab')).__setitem__(slice(0,2), b'xyz')", lambda: (memoryview(bytearray(b'ab')).__setitem__(slice(0,2), b'xyz'))),
 ("memoryview(bytearray(b'ab')).cast('H').__setitem__(slice(0,1), b'xy')", lambda: (memoryview(bytearray(b'ab')).cast('H').__setitem__(slice(0,1), b'xy'))),
 ("memoryview(bytearray(b'\\x00'*8)).cast('d').__setitem__(0, 'x')", lambda: (memoryview(bytearray(b'\x00'*8)).cast('d').__setitem__(0, 'x'))),
 ("memoryview(bytearray(b'\\x00'*8)).cast('d').__setitem__(0, 1)", lambda: (memoryview(bytearray(b'\x00'*8)).cast('d').__setitem__(0, 1))),
 ("memoryview(bytearray(b'\\x00'*2)).cast('?').tolist()", lambda: (memoryview(bytearray(b'\x00'*2)).cast('?').tolist())),
 ("memoryview(bytearray(b'\\x00'*2)).cast('e').tolist()", lambda: (memoryview(bytearray(b'\x00'*2)).cast('e').tolist())),
 ("iter(memoryview(b'\\x01').cast('B', []))", lambda: (iter(memoryview(b'\x01').cast('B', [])))),
 ("iter(memoryview(b'\\x01\\x02\\x03\\x04').cast('B',[2,2]))", lambda: (iter(memoryview(b'\x01\x02\x03\x04').cast('B',[2,2])))),
 ("memoryview(b'\\x01\\x02\\x03\\x04').cast('B', [2,2])[0,0,0]", lambda: (memoryview(b'\x01\x02\x03\x04').cast('B', [2,2])[0,0,0])),
 ("memoryview(b'\\x01\\x02\\x03\\x04').cast('B', [2,2])[0:1, 0:1]", lambda: (memoryview(b'\x01\x02\x03\x04').cast('B', [2,2])[0:1, 0:1])),
 ("memoryview(b'\\x01\\x02\\x03\\x04').cast('B', [2,2])[5,0]", lambda: (memoryview(b'\x01\x02\x03\x04').cast('B', [2,2])[5,0])),
 ("type(iter(m)).__name__", lambda: (type(iter(m)).__name__)),
 ("m.cast('@B').format", lambda: (m.cast('@B').format)),
 ("m.cast('@B') == m", lambda: (m.cast('@B') == m)),
 ("memoryview(b'\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff').cast('Q')[0]", lambda: (memoryview(b'\xff\xff\xff\xff\xff\xff\xff\xff').cast('Q')[0])),
 ("memoryview(b'\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff').cast('q')[0]", lambda: (memoryview(b'\xff\xff\xff\xff\xff\xff\xff\xff').cast('q')[0])),
 ("memoryview(b'\\xff\\xff\\xff\\xff').cast('i').tolist(), memoryview(b'\\xff\\xff\\xff\\xff').cast('I').tolist(), memoryview(b'\\xff\\xff').cast('h').tolist()", lambda: (memoryview(b'\xff\xff\xff\xff').cast('i').tolist(), memoryview(b'\xff\xff\xff\xff').cast('I').tolist(), memoryview(b'\xff\xff').cast('h').tolist())),
 ("memoryview(b'\\x00\\x00\\xc0\\x3f').cast('f').tolist()", lambda: (memoryview(b'\x00\x00\xc0\x3f').cast('f').tolist())),
 ("memoryview(b'ab').cast('B', (1, 2)).shape, memoryview(b'ab').cast('B', (1, 2)).strides", lambda: (memoryview(b'ab').cast('B', (1, 2)).shape, memoryview(b'ab').cast('B', (1, 2)).strides)),
 ("memoryview(b'abcdef').cast('B', [2, 3]).cast('c').tolist()", lambda: (memoryview(b'abcdef').cast('B', [2, 3]).cast('c').tolist())),
]
for t, f in tests:
    try:
        print(t, '->', repr(f()))
    except Exception as e:
        print(t, '->', type(e).__name__, e)
r = memoryview(b'ab'); r.release(); print(repr(r)[:19])
for t, f in [("r[0]", lambda: r[0]), ("len(r)", lambda: len(r)), ("r.obj", lambda: r.obj), ("r.tobytes()", lambda: r.tobytes()), ("r == r", lambda: r == r), ("r == b'ab'", lambda: r == b'ab'), ("r.release()", lambda: r.release()), ("bytes(r)", lambda: bytes(r)), ("r.format", lambda: r.format), ("hash(r)", lambda: hash(r))]:
    try: print(t, '->', repr(f()))
    except Exception as e: print(t, '->', type(e).__name__, e)
with memoryview(b'x') as w: print(w[0])
print(repr(w)[:19])
x = memoryview(b'ab'); y = memoryview(x); x.release(); print(y.tobytes(), y.obj)
ba = bytearray(b'abcdef'); mv = memoryview(ba)
mv[0] = 65; mv[1:3] = b'XY'; mv[-1:] = memoryview(b'!'); print(ba)
mv[2:5] = mv[1:4]; print(ba)
q = memoryview(bytearray(8)).cast('Q'); q[0] = 2**64 - 1; print(q.tolist(), q.obj)
for bad in [2**64, -1, 1.5]:
    try: q[0] = bad
    except Exception as e: print(type(e).__name__, e)
ii = memoryview(bytearray(4)).cast('i')
for bad in [2**31, -2**31 - 1]:
    try: ii[0] = bad
    except Exception as e: print(type(e).__name__, e)
ii[0] = -2**31; print(ii[0])
d = {memoryview(b"key"): 1}; print(d[b"key"])
