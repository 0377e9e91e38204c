# bytes patterns and subjects: every function on bytes, bytearray and
# memoryview-free bytes-likes, ASCII-only classes and case folding, LOCALE,
# and the errors for mixing str and bytes.
import re

data = b"GET /index.html HTTP/1.1\r\nHost: example.org\r\nX-Count: 42\r\n\r\n"
print(re.match(rb"(\w+) (\S+) HTTP/(\d\.\d)", data).groups())
print(re.findall(rb"^([\w-]+): (.*?)\r$", data, re.M))
print(re.split(rb"\r\n", data), re.sub(rb"\d+", b"#", data)[-20:])
print(re.subn(rb"(?i)host", b"HOST", data)[1], re.fullmatch(rb"[\x00-\x7f]*", data) is not None)
print([m.span() for m in re.finditer(rb"\r\n", data)], re.search(rb"X-(\w+)", data).group(1))
print(re.findall(rb"\w+", b"caf\xe9 na\xefve"), re.findall(rb"(?i)\xe9", b"\xe9\xc9"))
print(re.findall(rb"(?L)\w+", b"caf\xe9 x_1"), re.findall(rb"(?i)[a-c]+", b"AbCd"))
print(re.sub(rb"(?P<k>\w+)=(?P<v>\w+)", rb"\g<v>=\g<k>", b"a=1 b=2"))
print(re.sub(b"a", lambda m: m.group().upper(), bytearray(b"banana")))
print(re.match(b"x", bytearray(b"xy")), re.search(b".", b"\n\x00", re.S).span())
print(re.compile(b"a+", re.I), re.compile(rb"\d", re.L), re.compile(b"x").pattern)
print(re.escape(b"a.b*c\x00\xff"), re.findall(rb"[^\x00-\x7f]", b"a\x80b\xff"))
print(re.split(rb"(,)", b"a,b,,c", maxsplit=2), re.findall(rb"(a)(b)?", b"ab a"))
for bad in [lambda: re.match("a", b"a"), lambda: re.match(b"a", "a"),
            lambda: re.sub(b"a", "x", b"a"), lambda: re.sub("a", b"x", "a"),
            lambda: re.compile(rb"\d", re.U), lambda: re.compile("\\d", re.L),
            lambda: re.sub(b"a", lambda m: "s", b"a"), lambda: re.compile(rb"\u1234")]:
    try:
        print(bad())
    except (TypeError, ValueError, re.error) as e:
        print(type(e).__name__, e)
