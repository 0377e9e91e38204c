# __del__ runs once an object is unreachable: after del + gc.collect(), for a chain, a cycle, a list
import gc

class Node:
    def __init__(self, name, *held):
        self.name = name
        self.held = list(held)

    def __del__(self):
        print("del", self.name)

def drop_one():
    n = Node("one")
    print("made", n.name)

drop_one()
gc.collect()
print("-- after one")

a = Node("a")
del a
gc.collect()
print("-- after del a")

x = Node("x", Node("x.child", Node("x.grandchild")))
del x
gc.collect()
print("-- after chain")

b = Node("b")
holder = Node("holder", b)
del b, holder
gc.collect()
print("-- holder before the older object it holds")

p = Node("p")
q = Node("q")
p.other = q
q.other = p
del p, q
gc.collect()
print("-- after cycle")

s = Node("self")
s.me = s
del s
gc.collect()
print("-- after self cycle")

def in_function():
    local = Node("local")
    return 42

result = in_function()
gc.collect()
print(result)
print("-- after function return")

class Child(Node):
    pass

c = Child("child class")
del c
gc.collect()
print("-- after subclass")
