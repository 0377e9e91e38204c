# collections' remaining classes: UserString, UserList, UserDict, ChainMap, Counter arithmetic, OrderedDict ordering, deque with maxlen, namedtuple helpers
from collections import UserString, UserList, UserDict, ChainMap, Counter, OrderedDict, deque, namedtuple, defaultdict


class Shout(UserString):
    def shout(self):
        return self.upper() + "!"


s = Shout("hello world")
print(s.shout(), type(s.upper()).__name__, s[1:4], s * 2, s + "?", "lo" in s, len(s), s.split(), s.data)
print(repr(s.replace("o", "0")), s.count("o"), s.find("w"), s < "help", s.capitalize(), s.center(15, "*"))


class Stack(UserList):
    def push(self, x):
        self.append(x)


st = Stack([1, 2])
st.push(3)
st += [4]
print(st, type(st[1:]).__name__, st.pop(), st * 2, st + [9], st.index(2), sorted(Stack([3, 1, 2])), st == [1, 2, 3])


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


ld = LowerDict({"A": 1})
ld["B"] = 2
ld.update(C=3)
print(ld, "a" in ld, ld.get("z", 0), list(ld), ld.copy(), type(ld.copy()).__name__, ld | {"d": 4})

defaults = {"color": "red", "user": "guest"}
env = {"user": "admin"}
cm = ChainMap({}, env, defaults)
cm["mode"] = "fast"
print(cm["user"], cm["color"], cm.maps[0], len(cm), sorted(cm), cm.new_child({"user": "x"})["user"], cm.parents["user"])
del cm["mode"]
print(dict(cm) == {"user": "admin", "color": "red"}, repr(ChainMap({1: 2})))

c1 = Counter("abracadabra")
c2 = Counter(a=1, b=5)
print(c1.most_common(3), c1 + c2, c1 - c2, c1 & c2, c1 | c2, -Counter(a=-2), +Counter(a=-2, b=1))
c1.subtract("aaa")
print(c1["a"], c1["zzz"], sorted(c1.elements())[:6], c1.total(), Counter("ab") <= Counter("abc"))

od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), list(reversed(od)), od == OrderedDict.fromkeys("acd"))

dq = deque(range(5), maxlen=5)
dq.append(5)
dq.appendleft(-1)
dq.rotate(2)
print(dq, dq.maxlen, dq.count(3), dq.index(3), list(reversed(dq)))
dq.extendleft([10, 11])
print(dq, dq.popleft(), dq.pop(), dq[1], deque("abc") == deque("abc"))

Point = namedtuple("Point", "x y", defaults=[0])
p = Point(1)
print(p, p._replace(y=5), p._asdict(), Point._fields, Point._field_defaults, Point._make([3, 4]))
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd), dd.default_factory.__name__, dd["missing"], repr(defaultdict(int, {"x": 1})))
