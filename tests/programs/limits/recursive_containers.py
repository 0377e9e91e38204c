# printing self-referential containers: [[...]], {'k': {...}}, and mixed cycles
a = [1, 2]
a.append(a)
print(a, repr(a), str(a), len(a))
d = {"k": 1}
d["self"] = d
print(d)
e = {}
e["k"] = e
print(e)
b = []
b.append(b)
print(b)
outer = [b, b]
print(outer)
x = [1]
y = [x]
x.append(y)
print(x, y)
m = {"list": []}
m["list"].append(m)
print(m)
t = ([],)
t[0].append(t)
print(t)
class Holder:
    def __init__(self):
        self.items = []
    def __repr__(self):
        return "Holder(%r)" % self.items
h = Holder()
h.items.append(h)
print(h)
print(a == a, a[2] is a, d["self"]["self"]["k"])
s = [0]
s[0] = s
print(s, [s, [s]])
