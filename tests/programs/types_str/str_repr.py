# repr() and ascii() of strings: quote choice, escapes, control and non-printable characters, surrogates, astral characters
for s in ["a'b", 'a"b', "a'\"b", "\n\t\r\\", "\x00\x7f\x80\xa0\xad", "é ü ñ", "\u200b\u2028\ufeff",
          "\U0001F600", "\ud800", "\U000e0001", "\u0378", "日本語", "\x1b[0m"]:
    print(repr(s), ascii(s), len(repr(s)))
print(repr("ab" * 3), str(b"x"), repr(""), repr("'"), repr('"'))
