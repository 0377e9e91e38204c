# pickle.loads makes an empty dict's table at the size of its first
# SETITEMS batch (the pickler writes batches of 1000 items); the dict
# keeps its order across batches, and one that already has items, or a
# dict subclass, is filled as before.
import collections
import pickle


class Sub(dict):
    pass


for n in (0, 1, 5, 8, 999, 1000, 1001, 2500):
    d = {"k%d" % i: i for i in range(n)}
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(d, proto))
        assert back == d and list(back) == list(d), (n, proto)
        back["new"] = -1
        assert list(back)[-1] == "new"
    print(n, len(back), list(back)[:2], list(back)[-2:])

s = Sub(a=1, b=2)
s.attr = 3
for proto in (0, 2, 5):
    b = pickle.loads(pickle.dumps(s, proto))
    print(type(b).__name__, b, b.attr)
dd = collections.defaultdict(list, {"x": [1], "y": [2, 3]})
print(pickle.loads(pickle.dumps(dd, 2)))
od = collections.OrderedDict((c, ord(c)) for c in "zyxw")
print(pickle.loads(pickle.dumps(od, 5)))
# The same dict twice in one pickle: the memo hands back the one filled.
shared = {"s": 1}
pair = pickle.loads(pickle.dumps([shared, shared, {"t": shared}], 4))
print(pair, pair[0] is pair[1] is pair[2]["t"])
