# repr of a list or dict that contains itself ([...], {...}), shared and nested self-references, deeply nested empty containers
a = [1]
a.append(a)
print(a, len(a))
d = {}
d[1] = d
print(d)
b = [a, a]
print(b)
t = (a,)
print(t)
nested = [[[[]]]]
print(nested, [[], [[]]], {1: [{}]})
