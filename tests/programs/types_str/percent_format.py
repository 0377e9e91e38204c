# printf-style % on str: %s/%r/%a, int and float conversions with flags, * width and precision, mappings; TypeError/ValueError/OverflowError messages
print("%s|%r|%a|%5s|%-5s|%.2s" % ("é", "é", "é", "ab", "ab", "abc"))
print("%d|%5d|%-5d|%05d|%+d|% d|%x|%#x|%#o|%X" % (42, 42, 42, 42, 42, 42, 255, 255, 8, 255))
print("%f|%.2f|%10.3f|%-10.1f|%e|%.3E|%g|%G|%#g" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.000123, 1e-5, 1e20, 1.0))
print("%c%c|%%|%(a)s-%(b)d" % ("x", 65, ) if False else "%c%c|%%" % ("x", 65), "%(a)s-%(b)d" % {"a": "A", "b": 2})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159), "%s" % (1,), "%s" % [1, 2], "%s %s" % (True, None))
print("%i %u" % (3.9, -2.1), "%x" % -255, "%o" % 0, "%.0f" % 0.5, "%.0f" % 1.5, "%5.1f%%" % 99.44)
for fmt, args in (("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", (1,)), ("%c", 1114112)):
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
