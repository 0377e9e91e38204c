# dict repr: nested containers, a dict that contains itself ({...}), quoting of keys and values
d = {"k": [1, {"n": (2, 3)}], 2: None, (1,): {1, 2}}
print(d, repr(d), str(d))
d["self"] = d
print(d)
print({}, {1: {}}, {"a": "b'c"}, {1.5: 2j})
