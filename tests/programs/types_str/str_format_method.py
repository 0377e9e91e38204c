# str.format and format_map: automatic and numbered fields, keys, indexes and attributes, conversions, nested specs; ValueError/IndexError/KeyError
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{0[1]}".format([5, 6]))
print("{:>8}|{:<8}|{:^8}|".format("a", "b", "c"), "{:*^9}".format("mid"), "{!r} {!s} {!a}".format("é", "é", "é"))
print("{0:{1}}".format(3.14159, ".2f"), "{:,}".format(1234567), "{{}} {}".format(1), "{d[k]}".format(d={"k": 9}))
print("{name} is {age}".format_map({"name": "Ann", "age": 30}))
class_ = "{0.real} {0.imag}".format(3 + 4j)
print(class_)
for bad in ("{", "}", "{0} {}", "{:d}"):
    try:
        print(bad.format("x"))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    "{2}".format(1)
except IndexError as e:
    print(e)
try:
    "{a}".format(b=1)
except KeyError as e:
    print(repr(e))
