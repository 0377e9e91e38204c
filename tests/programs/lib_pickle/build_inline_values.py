# BUILD without __setstate__ stores the state into the instance's dict; an
# instance whose attributes are still inline values (object.h's ObjValues)
# takes them as values (pickle_load.c's set_state_dict) unless its class
# changes what inst.__dict__ reads.  Whatever the path, the attributes,
# their order and every later change must be CPython's.
import pickle

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Many:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)

class Swapped:
    def __init__(self):
        self.b = 1
        self.a = 2

class Custom(P):
    def __getattribute__(self, name):
        if name == "__dict__":
            print("  __getattribute__ __dict__")
        return object.__getattribute__(self, name)

class Tracked(P):
    log = []
    @property
    def __dict__(self):
        Tracked.log.append("read")
        return object.__getattribute__(self, "__class__").__base__.__dict__["__dict__"].__get__(self)

class SK(str):
    pass

def show(o):
    print(type(o).__name__, vars(o))

for proto in (0, 2, 5):
    print("proto", proto)
    back = pickle.loads(pickle.dumps([P(1, 2), P("a", [3])], proto))
    show(back[0]); show(back[1])
    back[0].z = 9
    del back[1].x
    show(back[0]); show(back[1])
    m = pickle.loads(pickle.dumps(Many(40), proto))
    print(len(vars(m)), list(vars(m))[:3], list(vars(m))[-2:], m.a39)
    s = pickle.loads(pickle.dumps(Swapped(), proto))
    show(s)
    c = pickle.loads(pickle.dumps(Custom(5, 6), proto))
    show(c)
    t = pickle.loads(pickle.dumps(Tracked(7, 8), proto))
    print(Tracked.log, t.x, t.y)

# states made by hand: keys in another order, non-str keys, str subclass keys
state_cases = [{"y": 1, "x": 2}, {"x": 1, 5: "five", "y": 2}, {SK("x"): 1, "y": 2},
               {"x": 1, "y": 2, "extra": 3, "more": 4, "again": 5, "sixth": 6}]
for st in state_cases:
    p = P.__new__(P)
    data = b"\x80\x02" + pickle.dumps(P, 2)[2:-1] + b")\x81" + pickle.dumps(st, 2)[2:-1] + b"b."
    q = pickle.loads(data)
    print(vars(q), [type(k).__name__ for k in vars(q)])
    q.w = 0
    print(vars(q))

# a later instance of the class still gets the class's shared names
fresh = P(10, 20)
fresh.extra = 1
show(fresh)
