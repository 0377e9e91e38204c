# str predicates (isalpha ... isascii) over ASCII, digits of other scripts, fractions, spaces, format characters, titlecase, unassigned code points
tests = ["abc", "ABC", "123", "١٢٣", "²", "½", "Ⅻ", "一二三", "\u3000", "\x1c", "\x85", "\u200b",
         "a b", "", "é", "ﬁ", "ǅ", "_x1", "1x", "x·y", "℘", "\u00ad", "\U0001F600", "\ufeff",
         "\t", "Hello World", "Hello world", "ß", "ⅰ", "\u0378", "\U000e0001", "𝟘", "০"]
for s in tests:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isprintable(), s.isidentifier(), s.isalnum(), s.isascii())
