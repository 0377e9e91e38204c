# Escape sequences and repr of strings with special characters.
samples = ["plain", "new\nline", "tab\there", "back\\slash", "quote'", 'dquote"', "both'\"",
           "\x01\x1f", "\x7f", "\xa0", "\xe9", "\u0394", "\U0001F600", "\r\n", "", " "]
for s in samples:
    print(repr(s), len(s))
print(samples)
print(("a\nb",), {"k\t": "v\n"})
print("\N{GREEK SMALL LETTER ALPHA}", "\101\102", "\x41", "a\
b")
print(r"raw\n\t", len(r"\n"))
