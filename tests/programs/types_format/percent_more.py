# printf-style % formatting: mapping keys with flags, %r/%a/%c, # alternate forms, big ints, long precision, literal %%
print("%-8s|%8.3s|%(x)05.1f" % {"x": 2.345} if False else "%-8s|%8.3s|" % ("left", "right"))
print("%(x)05.1f %(y)s" % {"x": 2.345, "y": [1]}, "%.3g|%10.2e|%-10d|" % (1234567, 0.000123, 7))
print("%s" % "%s", "%%%s%%" % "x", "%r" % b"b", "%a" % "ü", "%c" % "ü", "%5c|%-3c|" % ("a", "b"))
print("%#o %#x %#X %+.2f % .2f" % (8, 255, 255, 1.005, 2.5), "%e" % 0, "%g" % 1e-10, "%G" % 1e100)
print("%d" % 2 ** 70, "%x" % 2 ** 70, "%.50f" % 0.1)
print("%s %s" % ("a", "b"), "%(a)s %(a)r" % {"a": "q"}, "%3$s" if False else "")
