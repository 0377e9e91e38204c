# marshal: a dict or list that contains itself survives dumps/loads; shared objects stay shared
import marshal

obj = 1.2345
d = {"hello": obj, "goodbye": obj, obj: "hello"}
d["self"] = d
e = marshal.loads(marshal.dumps(d))
print(e["self"] is e, e["hello"] is e["goodbye"], sorted(map(str, e)))
l = [obj, obj]
l.append(l)
m = marshal.loads(marshal.dumps((l, l)))
print(m[0] is m[1], m[0][2] is m[0], m[0][0] is m[0][1], repr(m[0]))
print(marshal.loads(b'\xfbNr\x00\x00\x00\x000'))
try:
    marshal.loads(b'\xfbr\x00\x00\x00\x00N0')     # a dict as its own key
except (TypeError, ValueError) as exc:
    print("error")
