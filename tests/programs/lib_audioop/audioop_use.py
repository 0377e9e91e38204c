# audioop: every function at every width, the codecs' round trips, ratecv's state, CPython's errors
import audioop

def frag(width, values):
    return b''.join(v.to_bytes(width, 'little', signed=True) for v in values)

for w in (1, 2, 3, 4):
    lo, hi = -(1 << (8 * w - 1)), (1 << (8 * w - 1)) - 1
    f = frag(w, [0, 1, -1, hi, lo, hi // 3, lo // 5, 7, -7, 0])
    print(w, audioop.max(f, w), audioop.minmax(f, w), audioop.avg(f, w), audioop.rms(f, w))
    print(' ', audioop.avgpp(f, w), audioop.maxpp(f, w), audioop.cross(f, w), audioop.getsample(f, w, 4))
    print(' ', audioop.mul(f, w, 1.5).hex(), audioop.mul(f, w, -0.3).hex())
    print(' ', audioop.add(f, f, w).hex(), audioop.bias(f, w, 100).hex(), audioop.bias(f, w, -2**31).hex())
    print(' ', audioop.reverse(f, w).hex(), audioop.byteswap(f, w).hex())
    print(' ', audioop.tomono(f, w, 0.5, 0.5).hex(), audioop.tostereo(f[:3 * w], w, 1, -1).hex())
    for nw in (1, 2, 3, 4):
        print('  lin2lin', nw, audioop.lin2lin(f, w, nw).hex())
    u, a = audioop.lin2ulaw(f, w), audioop.lin2alaw(f, w)
    print('  ulaw', u.hex(), audioop.ulaw2lin(u, w).hex())
    print('  alaw', a.hex(), audioop.alaw2lin(a, w).hex())
    adp, st = audioop.lin2adpcm(f, w, None)
    print('  adpcm', adp.hex(), st, audioop.adpcm2lin(adp, w, None))
    print('  adpcm again', audioop.lin2adpcm(f, w, st))
    out, state = audioop.ratecv(f, w, 1, 8000, 11025, None)
    print('  ratecv', out.hex(), state)
    print('  ratecv', audioop.ratecv(f, w, 2, 44100, 8000, None, 3, 1))
    print('  ratecv', audioop.ratecv(f, w, 1, 8000, 11025, state)[1])

print(sorted(set(audioop.ulaw2lin(bytes(range(256)), 2))) == sorted(set(audioop.ulaw2lin(bytes(range(256)), 2))))
print(audioop.ulaw2lin(bytes(range(256)), 2).hex())
print(audioop.alaw2lin(bytes(range(256)), 2).hex())
s16 = frag(2, [(i * 37) % 2000 - 1000 for i in range(64)])
print(audioop.findmax(s16, 5), audioop.findfactor(s16, s16), audioop.findfit(s16, s16[20:40]))
print(audioop.max(bytearray(b'\x01\xff'), 1), audioop.max(memoryview(b'\x00\x80'), 2), audioop.avg(b'', 4), audioop.minmax(b'', 1))

def err(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)

err(audioop.max, b'abc', 5)
err(audioop.max, b'abc', 2)
err(audioop.max, 'ab', 1)
err(audioop.getsample, b'ab', 1, 2)
err(audioop.getsample, b'ab', 1)
err(audioop.getsample, b'ab', 1.0, 0)
err(audioop.mul, b'ab', 1, 'x')
err(audioop.add, b'ab', b'a', 1)
err(audioop.tomono, b'abc', 1, 1, 1)
err(audioop.lin2lin, b'ab', 1, 0)
err(audioop.findmax, b'abc', 1)
err(audioop.findmax, b'ab', 2)
err(audioop.findfit, b'ab', b'abcd')
err(audioop.findfactor, b'ab', b'abcd')
err(audioop.lin2adpcm, b'ab', 1, 5)
err(audioop.lin2adpcm, b'ab', 1, (1,))
err(audioop.lin2adpcm, b'ab', 1, (1, 'a'))
err(audioop.adpcm2lin, b'ab', 1, (0, 89))
err(audioop.adpcm2lin, b'ab', 1, (40000, 0))
err(audioop.ratecv, b'ab', 1, 0, 1, 1, None)
err(audioop.ratecv, b'ab', 1, 1, 0, 1, None)
err(audioop.ratecv, b'ab', 1, 1, 1, 1, None, 0)
err(audioop.ratecv, b'abc', 2, 1, 1, 1, None)
err(audioop.ratecv, b'ab', 1, 1, 1, 1, [0, ()])
err(audioop.ratecv, b'ab', 1, 1, 1, 1, (0,))
err(audioop.ratecv, b'ab', 1, 1, 1, 1, (0, ((1, 2), (3, 4))))
err(audioop.ratecv, b'ab', 1, 1, 1, 1, (0, (5,)))
err(audioop.ratecv, b'ab', 1, 1, 1, 1, None, 1, 0, 9)
try:
    audioop.rms(b'', width=1)
except TypeError as e:
    print(e)
print(issubclass(audioop.error, Exception), audioop.error.__module__, audioop.error.__name__)
