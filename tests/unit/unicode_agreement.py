# unicode_agreement.py — prints, for every code point below 0x30000, the
# results of str's Unicode predicates and case mappings, one line each.
# Run it under python3.11 and pvm and compare (tests/unit/unicode_agreement.sh).
preds = ("isalpha", "isdigit", "isdecimal", "isnumeric", "isspace", "isupper",
         "islower", "istitle", "isprintable", "isidentifier", "isalnum")
maps = ("upper", "lower", "title", "swapcase", "casefold", "capitalize")
out = []
for c in range(0x30000):
    s = chr(c)
    bits = "".join(["1" if getattr(s, p)() else "0" for p in preds])
    m = " ".join([",".join(["%x" % ord(ch) for ch in getattr(s, f)()]) for f in maps])
    out.append("%x %s %s %d" % (c, bits, m, len(repr(s))))
print("\n".join(out))
