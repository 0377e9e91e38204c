# hash consistency across numeric types (1 == 1.0 == True, 2**61 wraps to 1, -1 and -2), tuples, empty str/bytes; equal keys in sets and dicts
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0) == hash(False), hash(2 ** 61) == hash(1))
print(hash(1.5) == hash(3 / 2), hash(-1) == hash(-2), hash((1, 2)) == hash((1.0, 2.0)), hash("") == 0, hash(b"") == 0)
print(hash(10 ** 20) == hash(float(10 ** 20)), hash(frozenset()) , hash(()), hash(None) == hash(None))
print({1, 1.0, True}, {0.5: "a", 1 / 2: "b"}, [1, 1.0].index(True), (1, 2) == (1.0, 2.0))
s = {"a": 1}
print(s.get("a"), "a" in s, ("a",) in {("a",): 1})
