# printf-style % formatting: conversions, flags, width/precision, dict mapping, errors
print("%d %i %5d %-5d| %05d %+d % d" % (42, -7, 42, 42, 42, 42, 42))
print("%x %X %#x %#o %o %08.3f" % (255, 255, 255, 8, 8, 3.14159))
print("%e %E %.2e %g %G %g %g" % (12345.678, 0.000123, 1e10, 0.00001234, 1e20, 100000, 1000000))
print("%s %r %a" % ("str", "str", "é"))
print("%10s|%-10s|%.2s" % ("right", "left", "truncate"))
print("%c%c%c" % (72, "i", 33), "%%", "100%% sure" % ())
print("%(name)s is %(age)d years, %(name)s!" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 3, 2.718281))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % ("a", (1, 2)), "%s" % ((1, 2),))
print("%d" % 3.99, "%d" % True, "%f" % 1, "%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
print("%x" % -255, "%o" % -8, "%5.1f%%" % 99.44, "%.3s" % "abcdef")
print("%d" % (2 ** 100), "%x" % (2 ** 100), "%.1f" % 1e20)
print(b"%s %d %x" % (b"bytes", 5, 255), b"%c" % 65)
for bad in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 1)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
