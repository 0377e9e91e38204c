# split, findall and finditer at their edges: groups in split and findall,
# empty matches and where the next search starts, maxsplit and count,
# pos/endpos, and patterns that match nothing or everything.
import re

print(re.split(r",", "a,b,,c,"), re.split(r"(,)", "a,b"), re.split(r"(,)|(;)", "a,b;c"))
print(re.split(r"\s*", "a b  c"), re.split(r"x*", "axbc"), re.split(r"\b", "a b"))
print(re.split(r"", "abc"), re.split(r"(?=b)", "abab"), re.split(r"$", "a\nb", flags=re.M))
print(re.split(",", "a,b,c,d", maxsplit=2), re.split(",", "a,b", maxsplit=-1), re.split("x", ""))
print(re.findall(r"\d+", "a1 22 333"), re.findall(r"(\d)(\d)?", "1 23 4"), re.findall("", "ab"))
print(re.findall(r"a|", "bab"), re.findall(r"(a)|b", "ab"), re.findall(r"(?:a(b)?)+", "aab ab"))
print(re.findall(r"\b\w", "one two"), re.findall(r"x*", "axxb"), re.findall(r"^", "a\nb", re.M))
p = re.compile(r"\w+")
print(p.findall("one two three", 4), p.findall("one two three", 4, 9), p.findall("abc", 2, 1))
print([m.span() for m in p.finditer("one two three", 2, 11)], p.search("one two", pos=3))
print([m.group() for m in re.finditer(r"\d+|x*", "ab12x")], list(re.finditer("z", "abc")))
print([(m.start(), m.group()) for m in re.finditer(r"(?<=a)|b", "aab")])
it = re.finditer(r"\w", "ab")
print(next(it).group(), next(it).group(), next(it, "done"))
print(re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"), re.fullmatch(r"a|ab", "ab"))
print(re.fullmatch(r"a*?", "aaa"), p.fullmatch("abc", pos=1), p.fullmatch("abc", 0, 2))
print(re.match(r"a?", ""), re.search("", "").span(), re.search(r"$", "abc").span())
