# Python 3.11's possessive quantifiers (*+ ++ ?+ {m,n}+) and atomic groups
# (?>...): what they give back (nothing), against their greedy and lazy
# counterparts, with groups inside, and repeated.
import re

for pattern in [r"a*a", r"a*+a", r"a++b", r"(?>a+)b", r"(?>a+)a", r"a?+a", r"a{1,3}+a",
                r"(?:ab)*+ab", r"(?>(\w+)),", r"\d++\.", r"(?>x|xy)z", r"(?:x|xy)z",
                r"[ab]*+c", r"(?>a*?)b", r"(a|b)*+c", r"(?>(a)|b)+c", r"(?:a+)++b"]:
    for s in ["aaa", "aab", "abab", "word,", "12.5", "xyz", "abc", "aac"]:
        m = re.match(pattern, s)
        print(m and (m.group(), m.groups()), end=" ")
    print(pattern)
print(re.findall(r"\w++", "ab cd"), re.sub(r"a*+", "-", "baac"), re.split(r",++", "a,,b"))
print(re.fullmatch(r"(?>a|ab)c", "abc"), re.fullmatch(r"(?:a|ab)c", "abc").group())
print(re.match(r"(?>(?:a|b)*)b", "aab"), re.match(r"(?:(?:a|b)*)b", "aab").group())
for bad in [r"a**", r"a*++", r"(?>", r"a{2}++"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), e)
