# float.fromhex rounds half to even at every magnitude, subnormals included (glibc's strtod rounds some of these twice)
cases = ['0x0.ffffffffffffecp-1022', '0x0.ffffffffffffe8p-1022', '0x0.fffffffffffff8p-1022',
         '0x1p-1074', '0x1p-1075', '0x1.0000000000001p-1075', '0x0.8p-1074', '0x1.8p-1074',
         '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023', '0x1.00000000000008p0',
         '0x1.00000000000018p0', '0x1.000000000000080000000001p0', '0x.8', '0x10.', '1',
         '-0x0.0p5', '0X1P+2', '0x000000000000000001p-10', '0x1p-99999999999999', '0x0p99999999999']
for c in cases:
    x = float.fromhex(c)
    print(c, x.hex(), repr(x))
for c in ['0x1p1024', '0x1.fffffffffffff8p1023', '0x1p99999999999']:
    try:
        float.fromhex(c)
    except OverflowError as e:
        print(c, 'OverflowError', e)

# a sweep of digit strings near the subnormal and normal boundaries
seed = 12345
def digits(n):
    global seed
    out = ''
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2**31
        out += '0123456789abcdef'[seed >> 27]
    return out
for exp in (-1080, -1074, -1060, -1030, -1022, -1000, 0, 1000, 1020):
    for n in (13, 14, 15, 20):
        c = '0x0.' + digits(n) + 'p' + str(exp)
        print(c, float.fromhex(c).hex())
