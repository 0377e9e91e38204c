# bytes methods: strip/split/find/index, case and padding, predicates, partition, expandtabs, splitlines, removeprefix, translate, fromhex/hex, % formatting, operators
b = b"  Hello World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Hd"))
print(b"a,b,,c".split(b","), b"a,b,,c".rsplit(b",", 1), b" a b  c ".rsplit(), b" a b  c ".rsplit(None, 1))
print(b"hello".rfind(b"l"), b"hello".index(b"l"), b"hello".rindex(b"l"), b"hello".rfind(b"z"))
print(b"hello".find(108), b"hello".rfind(108, 0, 3))
for m in ("index", "rindex"):
    try:
        getattr(b"abc", m)(b"z")
    except ValueError as e:
        print(m, e)
print(b"hello world".title(), b"Hello World".swapcase(), b"hELLO".capitalize())
print(b"they're bill's".title())
print(b"abc".center(9, b"*"), b"abc".center(8), b"abc".ljust(6, b"-"), b"abc".rjust(6))
print(b"42".zfill(5), b"-42".zfill(5), b"+7".zfill(4), b"".zfill(3))
print(b"abc".isalpha(), b"ab1".isalpha(), b"123".isdigit(), b"".isdigit(), b" \t".isspace())
print(b"ABC".isupper(), b"abc".islower(), b"Abc Def".istitle(), b"ab1".isalnum(), b"\x80".isascii(), b"".isascii())
print(b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x"), b"abc".rpartition(b"x"))
print(b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(4), b"x\ty".expandtabs(tabsize=2))
print(b"l1\nl2\r\nl3\rl4".splitlines(), b"l1\nl2\r\n".splitlines(True), b"".splitlines())
print(b"prefix-body".removeprefix(b"prefix-"), b"body.txt".removesuffix(b".txt"), b"x".removeprefix(b"y"))
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), b"aabbcc".translate(t), b"hello".translate(None, b"l"), b"abc".translate(t, b"b"))
print(bytes.fromhex("de ad BE EF"), bytearray.fromhex("0a0b"), b"\xde\xad".hex())
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(e)
print(b"%s is %d years, %5.2f%%" % (b"Bob", 42, 99.5))
print(b"%r %a %c %c %x %05d" % ("h\xe9", "x", 65, b"B", 255, -3))
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 7})
try:
    b"%s" % "str"
except TypeError as e:
    print(e)
try:
    b"%d %d" % (1,)
except TypeError as e:
    print(e)
print(b"abc" * 3, 2 * b"xy", b"ab" + b"cd", b"b" in b"abc", 98 in b"abc")
print(b"abcdef"[1:5:2], b"abcdef"[::-1], b"abc"[-1])
print(bytes(3), bytes([1, 2, 255]), bytes("hé", "utf-8"), bytes(range(65, 70)))
print(b"x".join([b"a", b"b", bytearray(b"c")]))
print(b"hello world".count(b"o"), b"aaa".count(b""), b"abc".startswith((b"x", b"a")), b"abc".endswith(b"bc"))
print(b"hello".replace(b"l", b"L"), b"hello".replace(b"l", b"L", 1), b"ab".replace(b"", b"-"))
print(b"HeLLo".upper(), b"HeLLo".lower(), b"caf\xc3\xa9".decode(), b"abc".decode("ascii"))
print(sorted([b"b", b"a", b"ab"]), b"a" < b"b", b"abc" == bytearray(b"abc"))
