# _lzma: xz/alone/raw compression with presets and filter chains, incremental decompression (max_length, needs_input, check, unused_data), filter properties, errors
import _lzma

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

data = b''.join(b'%05d lzma range coder text\n' % i for i in range(3000))

def roundtrip(comp_args, dec_args, pieces=997):
    c = _lzma.LZMACompressor(**comp_args)
    out = b''.join(c.compress(data[i:i + 5000]) for i in range(0, len(data), 5000)) + c.flush()
    d = _lzma.LZMADecompressor(**dec_args)
    back = b''.join(d.decompress(out[i:i + pieces]) for i in range(0, len(out), pieces))
    return len(out), out[:6].hex(), back == data, d.eof, d.check, d.needs_input, d.unused_data

lzma2 = {'id': _lzma.FILTER_LZMA2, 'preset': 1}
print(roundtrip({}, {}))
print(roundtrip({'preset': 0}, {'format': _lzma.FORMAT_XZ}))
print(roundtrip({'check': _lzma.CHECK_SHA256}, {}))
print(roundtrip({'check': _lzma.CHECK_NONE, 'preset': 9 | _lzma.PRESET_EXTREME}, {}))
print(roundtrip({'check': _lzma.CHECK_CRC32, 'filters': [{'id': _lzma.FILTER_DELTA, 'dist': 4}, lzma2]}, {}))
print(roundtrip({'format': _lzma.FORMAT_ALONE, 'preset': 2}, {}))
print(roundtrip({'format': _lzma.FORMAT_ALONE, 'filters': [{'id': _lzma.FILTER_LZMA1, 'lc': 2, 'dict_size': 1 << 16}]},
                {'format': _lzma.FORMAT_ALONE}))
raw = [{'id': _lzma.FILTER_X86}, {'id': _lzma.FILTER_LZMA2, 'preset': 3, 'mode': _lzma.MODE_FAST,
                                  'mf': _lzma.MF_HC4, 'nice_len': 32, 'depth': 8}]
print(roundtrip({'format': _lzma.FORMAT_RAW, 'filters': raw}, {'format': _lzma.FORMAT_RAW, 'filters': raw}))

c = _lzma.LZMACompressor()
stream = c.compress(data) + c.flush()
d = _lzma.LZMADecompressor()
first = d.decompress(stream, 100)
print(len(first), d.needs_input, d.eof, d.check)
second = d.decompress(b'', 40000)
rest = d.decompress(b'')
print(len(second), first + second + rest == data, d.eof, d.needs_input, attempt(lambda: d.decompress(b'x')))
d = _lzma.LZMADecompressor()
print(d.decompress(stream + b'trailing') == data, d.unused_data, d.check)
d = _lzma.LZMADecompressor()
print(d.decompress(stream[:30]), d.needs_input, d.check, d.eof)
d = _lzma.LZMADecompressor(_lzma.FORMAT_ALONE)
print(d.check, _lzma.LZMADecompressor().check)

for spec in [{'id': _lzma.FILTER_LZMA1, 'lc': 3}, {'id': _lzma.FILTER_LZMA2},
             {'id': _lzma.FILTER_LZMA2, 'dict_size': 1 << 20}, {'id': _lzma.FILTER_DELTA, 'dist': 4},
             {'id': _lzma.FILTER_X86, 'start_offset': 256}, {'id': _lzma.FILTER_ARM, 'start_offset': 16}]:
    enc = _lzma._encode_filter_properties(spec)
    print(enc, _lzma._decode_filter_properties(spec['id'], enc))
print([_lzma.is_check_supported(i) for i in range(17)])
print(_lzma.FILTER_LZMA1, _lzma.FILTER_LZMA2, _lzma.CHECK_UNKNOWN, _lzma.CHECK_ID_MAX, _lzma.PRESET_EXTREME,
      _lzma.PRESET_DEFAULT, _lzma.MF_BT4, _lzma.MODE_NORMAL, _lzma.FORMAT_RAW, _lzma.FILTER_SPARC)

c = _lzma.LZMACompressor()
c.flush()
for f in [lambda: c.flush(), lambda: c.compress(b''),
          lambda: _lzma.LZMACompressor(format=9),
          lambda: _lzma.LZMACompressor(format=_lzma.FORMAT_ALONE, check=1),
          lambda: _lzma.LZMACompressor(preset=1, filters=[]),
          lambda: _lzma.LZMACompressor(format=_lzma.FORMAT_RAW),
          lambda: _lzma.LZMACompressor(preset=10), lambda: _lzma.LZMACompressor(preset=-1),
          lambda: _lzma.LZMACompressor(preset=2**33), lambda: _lzma.LZMACompressor(check=99),
          lambda: _lzma.LZMACompressor(filters=[{'id': 99}]), lambda: _lzma.LZMACompressor(filters=[{'x': 1}]),
          lambda: _lzma.LZMACompressor(filters=[1]), lambda: _lzma.LZMACompressor(filters=5),
          lambda: _lzma.LZMACompressor(filters=[{'id': 'x'}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_LZMA2, 'bogus': 1}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_LZMA2, 'lc': 'x'}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_DELTA, 'bogus': 1}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_X86, 'bogus': 1}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_LZMA2}] * 5),
          lambda: _lzma.LZMACompressor(format=_lzma.FORMAT_ALONE, filters=[{'id': _lzma.FILTER_LZMA2}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_DELTA}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_LZMA2, 'mode': 9}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_LZMA2, 'preset': 99}]),
          lambda: _lzma.LZMACompressor(1, 2, 3, 4, 5),
          lambda: _lzma.LZMADecompressor(format=9), lambda: _lzma.LZMADecompressor(format=_lzma.FORMAT_RAW),
          lambda: _lzma.LZMADecompressor(format=_lzma.FORMAT_RAW, memlimit=5, filters=[]),
          lambda: _lzma.LZMADecompressor(filters=[]), lambda: _lzma.LZMADecompressor(memlimit=-1),
          lambda: _lzma.LZMADecompressor(memlimit=10).decompress(stream),
          lambda: _lzma.LZMADecompressor().decompress(b'garbage'),
          lambda: _lzma.LZMADecompressor(_lzma.FORMAT_XZ).decompress(b'garbage' * 3),
          lambda: _lzma.LZMADecompressor(_lzma.FORMAT_ALONE).decompress(b'garbage' * 3),
          lambda: _lzma.LZMADecompressor().decompress(stream[:20] + b'\x00' * 40),
          lambda: _lzma._decode_filter_properties(99, b''),
          lambda: _lzma._decode_filter_properties(_lzma.FILTER_LZMA2, b'\xff'),
          lambda: _lzma._encode_filter_properties({'id': 77}),
          lambda: _lzma.LZMACompressor().compress('text')]:
    print(attempt(f))
print(_lzma.LZMAError.__mro__)
print(sorted(n for n in dir(_lzma) if not n.startswith('__')))
