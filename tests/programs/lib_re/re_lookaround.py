# Look-ahead and look-behind, positive and negative, fixed-width look-behind
# of alternatives of one width, look-around at the edges of the subject and
# of pos, groups captured inside look-arounds, and what CPython rejects.
import re

print(re.findall(r"\w+(?=,)", "a, b, c"), re.findall(r"\w+(?!,)\b", "a, b, c"))
print(re.findall(r"(?<=\$)\d+", "$10 20 $30"), re.findall(r"(?<!\$)\b\d+", "$10 20 $30"))
print(re.findall(r"(?<=ab|cd)e", "abe cde xe"), re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.search(r"(?=(\w+))\w", "hello").groups(), re.search(r"(?<=(a))b", "ab").groups())
print(re.search(r"(?!(a))\w", "ab").groups(), re.findall(r"(?<!^)x", "xxx"))
print(re.search(r"(?<=a)b", "ab", 1), re.search(r"(?<=a)b", "xab", 2), re.match(r"(?<=x)a", "xa", 1))
print(re.findall(r"(?<=\b)\w", "hi yo"), re.findall(r"q(?=u)", "quit qat"), re.search(r"(?!)", "a"))
print(re.search(r"(?=)", "").span(), re.findall(r"(?<=\n)\w", "a\nb\nc"))
print(re.search(r"^(?=.*\d)(?=.*[a-z])(?!.*\s).{6,}$", "abc123").group())
print(re.search(r"^(?=.*\d)(?=.*[a-z])(?!.*\s).{6,}$", "abc 123"))
print(re.findall(r"(?i)(?<=é)x", "éx ÉX"), re.findall(rb"(?<=\x00)\w", b"\x00a b"))
for bad in [r"(?<=a+)b", r"(?<=a|bc)d", r"(?<!a*)b", r"(?<=(a)\1)b", r"(?<=a", r"(?=a"]:
    try:
        re.compile(bad)
        print(repr(bad), "compiled")
    except re.error as e:
        print(repr(bad), e)
