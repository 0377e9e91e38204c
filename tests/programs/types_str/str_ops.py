# str basics on non-ASCII text: indexing, slicing, + and *, comparisons, ord/chr, encode with error handlers; IndexError/TypeError/UnicodeEncodeError
s = "héllo wörld"
print(len(s), s[1], s[-1], s[1:4], s[::-1], s[::2], s[100:], s[-100:2])
print(s + "!", s * 2, 3 * "ab", "" * 5, "ab" * -1, "ö" in s, "xyz" in s, "" in s)
print("a" < "b", "abc" < "abd", "Z" < "a", "é" > "z", "abc" == "abc", sorted(["b", "A", "a", "é"]))
print(list("héy"), ord("é"), chr(233), chr(0x1F600), ord("\U0001F600"), str(12), str(None), str([1, "a"]))
try:
    s[20]
except IndexError as e:
    print(e)
try:
    s[0] = "x"
except TypeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
print("abc".encode(), "héllo".encode("utf-8"), "héllo".encode("latin-1"), "héllo".encode("ascii", "replace"), "héllo".encode("ascii", "ignore"))
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
