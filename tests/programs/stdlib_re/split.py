# re.split: captured groups, maxsplit, empty matches, pos-free Pattern.split.
import re

print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", 1))
print(re.split(r"\W+", "Words, words, words.", maxsplit=2))
print(re.split("[a-f]+", "0a3B9", flags=re.IGNORECASE))
print(re.split(r"(\W+)", "...words, words..."))
print(re.split(r"\b", "one two"))
print(re.split(r"x*", "axbc"))
print(re.split("", "abc"))
print(re.split(r"(a)|(b)", "xaybz"))
print(re.split(r"\s*[,;]\s*", "a , b;c ;  d"))
print(re.split(r"(?<=-)", "a-b-c"))
print(re.split(r"^", "a\nb\nc", flags=re.M))
print(re.split(r"$", "a\nb\nc", flags=re.M))

csvish = re.compile(r"\s*,\s*")
print(csvish.split("name , age,city ,  zip"))
print(csvish.split("single"))
print(csvish.split(""))
print(csvish.split("a,b,c,d", 2))

lines = re.split(r"\r?\n", "first\r\nsecond\nthird\r\n")
print(lines, len(lines))
print([p for p in re.split(r"(\d+)", "abc12de345f") if p])

# a negative maxsplit splits nothing (as _sre's loop condition does)
print(re.split("a", "banana", -1), re.compile("a").split("banana", maxsplit=-2))
