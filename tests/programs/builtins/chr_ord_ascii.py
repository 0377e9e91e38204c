# chr/ord round trips, ascii() escapes, repr of strings with quotes and control characters
for cp in [0, 9, 10, 31, 32, 65, 127, 128, 160, 255, 256, 0x3b1, 0x20ac, 0xfffd, 0x1f600, 0x10ffff]:
    c = chr(cp)
    print(cp, repr(c), ascii(c), ord(c) == cp, c.isprintable())
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\\"), repr("\x1b[0m"))
print(ascii("naïve café"), ascii(b"bytes"), ascii(["ü", ("é",)]), ascii({"ö": "å"}))
print("".join(chr(ord("a") + i) for i in range(26)))
print([ord(c) for c in "€uro"], sum(map(ord, "checksum")) % 256)
