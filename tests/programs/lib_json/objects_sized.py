# json.loads gathers an object's first members before making its dict at
# that size; a bigger object's dict grows as its members come.  Either way
# the members keep their order, a repeated key keeps its last value and its
# first position, and the hooks see the same dict.
import json


def obj(n, repeat=None):
    members = ['"k%d": %d' % (i, i) for i in range(n)]
    if repeat is not None:
        members.append('"k%d": "again"' % repeat)
    return "{" + ", ".join(members) + "}"


for n in (0, 1, 3, 11, 12, 13, 30):
    d = json.loads(obj(n))
    print(n, len(d), list(d)[:3], list(d)[-2:], sum(d.values()))
    d["extra"] = 1
    print(n, list(d)[-2:])

for n, r in ((3, 0), (12, 5), (13, 12), (20, 0)):
    d = json.loads(obj(n, r))
    print(n, r, len(d), list(d.items())[max(r - 1, 0):r + 2])

nested = "[" + ", ".join(obj(n) for n in range(15)) + "]"
print([len(d) for d in json.loads(nested)])
deep = '{"a": ' * 40 + '{}' + '}' * 40
d = json.loads(deep)
depth = 0
while d:
    d = d["a"]
    depth += 1
print(depth)

print(json.loads(obj(14), object_hook=lambda d: sorted(d)[:4]))
print(json.loads(obj(4), object_pairs_hook=lambda p: p))
print(json.loads('{"a": {"b": 1, "b": 2}, "a": [1, {"c": 3}]}'))
