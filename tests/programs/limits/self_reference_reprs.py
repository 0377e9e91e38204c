# repr of self-containing list subclasses, tuples, OrderedDict, deque and dict views; a user __repr__ that recurses forever (RecursionError)
l = []; t = (l,); l.append(t); print(t, l)
d = {}; d[1] = (d,); print(d)
class L(list): pass
x = L(); x.append(x); print(x)
class Node:
    def __init__(self): self.kids = []
    def __repr__(self): return "Node(%r)" % self.kids
n = Node(); n.kids.append(n)
try: print(n)
except RecursionError as e: print("RecursionError")
class K:
    def __hash__(self): return 1
s = set(); k = K(); 
from collections import OrderedDict
o = OrderedDict(); o['a'] = o; print(o)
from collections import deque
q = deque(); q.append(q); print(q)
dd = {}; v = dd.values(); dd['v'] = v; print(dd)
