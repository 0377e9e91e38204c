# sys.getsizeof of a str follows CPython's kind: 1, 2 or 4 bytes a character, the
# narrowest that holds its widest character (edges U+00FF/U+0100, U+FFFF/U+10000).
import sys
for s in ["", "abc", "caf\u00e9", "\u00ff" * 9, "\u0100x", "\u65e5\u672c", "\uffff", "a\U00010000", "\u00e9\U0010ffff\u0100"]:
    print(ascii(s), sys.getsizeof(s))
