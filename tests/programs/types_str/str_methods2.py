# str methods: find/index/count/replace, predicates, translate, encode, comparisons
t = "the quick brown fox jumps over the lazy dog"
print(t.find("the"), t.find("the", 1), t.rfind("the"), t.find("cat"), t.index("fox"), t.rindex("o"))
print(t.count("o"), t.count("the"), t.count(""), "aaaa".count("aa"))
print(t.replace("the", "a"), t.replace("o", "0", 2), "aaa".replace("", "-"))
try:
    t.index("cat")
except ValueError as e:
    print("ValueError:", e)
for s in ["abc", "ABC", "Abc", "123", "12.5", "a1", " ", "", "Ab Cd", "½", "\t\n"]:
    print(repr(s), s.isalpha(), s.isupper(), s.islower(), s.isdigit(), s.isnumeric(),
          s.isalnum(), s.isspace(), s.istitle(), s.isdecimal(), s.isidentifier())
print("hello".translate({ord("l"): "L", ord("o"): None}), "abc".translate(str.maketrans("abc", "xyz")))
print(str.maketrans({"a": "1"}), "a-b".translate(str.maketrans("-", "_")))
print("héllo".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"), len("héllo".encode()))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print("a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc", "" < "a", "é" > "z")
print(sorted(["banana", "Apple", "cherry", "apple"]), max("hello"), min("hello"))
print("ab" * 3, 3 * "-", "x" * 0, "x" * -1, "abc"[::-1], "abcdef"[1:5:2])
print(ord("A"), chr(9731), "\u2603", "\N{GREEK SMALL LETTER ALPHA}", len("\U0001F600"))
print("a" in "abc", "" in "abc", "ac" not in "abc", "ABC".lower() == "abc")
print(str(123), str(1.5), str([1, "a"]), str(None), str(b"x"), str(True))
