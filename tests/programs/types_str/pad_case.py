# str padding and case: center/ljust/rjust with fill characters, zfill, swapcase/title/capitalize, expandtabs, maketrans/translate
print("abc".center(9, "*"), "abc".center(8), "abc".ljust(6, "é"), "abc".rjust(2), "ab".center(5, "-"))
print("42".zfill(5), "-42".zfill(5), "+x".zfill(4), "".zfill(2), "é".zfill(3))
print("Hello World".swapcase(), "hello world".title(), "they're bill's".title(), "HELLO".capitalize(), "mIxEd".lower())
print("a\tb\tc".expandtabs(), "ab\tc".expandtabs(4), "\t".expandtabs(0), "x\r\ty".expandtabs(3))
t = str.maketrans("abc", "xyz", "d")
print("abcd".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}), str.maketrans({"a": "b"}))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(e)
