# String comparison, concatenation, repetition and membership.
words = ["pear", "Apple", "apple", "banana", "Banana", "cherry", "", "a", "ab", "b"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len, reverse=True))
print(max(words), min(words), "apple" == "apple", "apple" != "Apple", "a" * 0 == "")
s = ""
for i in range(5):
    s = s + str(i)
    s += "-"
print(s, len(s))
print("ab" * 3, 3 * "ab", "x" * -1, "-" * 20)
print("abc" < "abd" < "b", "Z" < "a", "abc" <= "abc", "abcd" > "abc")
print(str(123) + str(4.5) + str(None) + str(True) + str([1, "a"]))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\t nl\n bs\\"))
print(repr("\x00\x7f\u00e9\u2603"), str("\u2603"))
