# struct.pack of every integer code in every byte order at and past its limits: CPython's exact error per code and mode
import struct

class Index:
    def __index__(self):
        return 7

class BadIndex:
    def __index__(self):
        return 'x'

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

for order in '@=<>!':
    for code in 'bBhHiIlLqQnNP':
        if order != '@' and code in 'nNP':
            print(order + code, attempt(lambda: struct.calcsize(order + code)))
            continue
        size = struct.calcsize(order + code)
        signed = code.islower()
        lo = -(1 << (8 * size - 1)) if signed else 0
        hi = (1 << (8 * size - 1)) - 1 if signed else (1 << (8 * size)) - 1
        print(order + code, size)
        for v in (lo, hi, lo - 1, hi + 1, -1, 2**70, -2**70, Index(), 1.5, BadIndex(), True, '1'):
            print('   ', attempt(lambda: struct.pack(order + code, v)))
        packed = struct.pack(order + code, hi)
        print('    round trip', struct.unpack(order + code, packed) == (hi,),
              struct.unpack(order + code, struct.pack(order + code, lo)) == (lo,))
