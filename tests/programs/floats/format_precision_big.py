# format() of floats, ints and complexes with big precisions: every digit of a complex's parts (no 512-byte cut), and "precision too big" past a C int, where pvm ran out of memory
for spec in ['.600f', '.3000e', '.1000g', '.2147483648f', '.2147483648', '.1415899999849922f', '.99999999999999999999f']:
    for v in (1.5, 1.5+2j, -0.25j, 7):
        try:
            r = format(v, spec)
            print(spec, type(v).__name__, len(r), r[:12], r[-12:])
        except Exception as e:
            print(spec, type(v).__name__, type(e).__name__, e)
print(format(2.5, '_.400f')[-5:], format(1e300 + 1e300j, ',.2f')[:20])
