# %-formatting with huge '*' widths and precisions: CPython's errors, never a fatal allocation
cases = ["'%*d' % (2**62, 1)", "'%.*f' % (2**40, 1.0)", "'%*s' % (2**40, 'a')", "'%.*d' % (2**31, 1)",
         "'%.*d' % (-2**31-1, 1)", "'%*d' % (2**64, 1)", "b'%*d' % (2**62, 1)", "b'%.*d' % (2**31, 1)",
         "'%.*d' % (9223372036854775807, 1)", "'%.*s' % (2**40, 'ab')", "'x' * 2**62", "'%*d' % (-2**62, 1)"]
for c in cases:
    try:
        print(c, len(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
for c in ["'ab' * 2**62", "'\\u00e9' * 2**62", "'ab' * (2**62 - 1)"]:
    try:
        print(c, len(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
