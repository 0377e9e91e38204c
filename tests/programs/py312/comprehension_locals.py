# locals() and f_locals inside comprehensions 3.12+ inlines (PEP 709) into module, class and function bodies: 3.12 adds the hidden variables to a copy of the namespace, 3.13+ show the fast slots alone
def show(tag, d):
    keys = sorted(k for k in d if not k.startswith("__") and k not in ("show", "sys"))
    print(tag, keys, [d[k] for k in keys if isinstance(d[k], int)])

m_outer = 1
r = [show("module", locals()) for m_x in range(1)]
r = [[show("module nested", locals()) for m_y in range(1)] for m_x in range(1)]
r = [show("module walrus", locals()) for m_x in range(1) if (m_w := 7)]
r = [(m_v := m_x, show("module walrus after", locals())) for m_x in range(1)]
r = {m_k: show("module dictcomp", locals()) for m_k in range(1)}
r = [locals() for m_x in range(2)][0]
print("module returned", sorted(k for k in r if k.startswith("m_")), r is locals())
m_x = "kept"
r = [locals()["m_x"] for m_x in range(2)]
print("module shadow", r, m_x)

class C:
    c_attr = 5
    r = [show("class", locals()) for c_x in range(1)]
    r = [[show("class nested", locals()) for c_y in range(1)] for c_x in range(1)]
    r = {c_x: show("class setcomp", locals()) for c_x in range(1)}
    got = [sorted(locals()) for c_x in range(1)][0]
    print("class got", [k for k in got if not k.startswith("__")])
    c_x = "kept"
    r = [locals()["c_x"] for c_x in range(2)]
    print("class shadow", r, c_x)

def f(a):
    f_local = 2
    [show("function", locals()) for f_x in range(1)]
    [[show("function nested", locals()) for f_y in range(1)] for f_x in range(1)]
    [show("function walrus", locals()) for f_x in range(1) if (f_w := 4)]
    f_x = "kept"
    r = [locals()["f_x"] for f_x in range(2)]
    print("function shadow", r, f_x)
    g = [locals() for f_z in range(1)][0]
    print("function returned", sorted(g))

f(1)

def closure(a):
    # a comprehension variable captured by a lambda is a cell the comprehension makes
    # (MAKE_CELL); its name is no other comprehension's in this function: python3.13.0's
    # locals() crashes (SIGSEGV) reading such a slot while it holds a plain value
    fns = [(lambda: f_c, show("function closure", locals())) for f_c in range(1)]
    print("closure", fns[0][0]())

closure(1)
try:
    [locals()["m_gone"] for m_x in range(1)]
except KeyError as e:
    print("KeyError", e)

# frame.f_locals as well: 3.12 the same new dict, 3.13+ a FrameLocalsProxy of the fast slots
import sys
r = [sys._getframe().f_locals for m_f in range(1)][0]
print("module f_locals", type(r).__name__, r is globals(), "m_f" in r, "m_outer" in r)

class D:
    def m(self):
        return __class__
    r = [(sorted(locals()), sorted(sys._getframe().f_locals)) for d_x in range(1)][0]
    print("class with cells", r)

def outer():
    free = "free"
    class E:
        e_own = free
        r = [sorted(locals()) for e_x in range(1)][0]
        print("class with a free variable", r)
    return E

outer()
p = [sys._getframe().f_locals for m_p in range(1)][0]
if type(p).__name__ == "FrameLocalsProxy":
    p["m_extra"] = 1                # an extra local of the module's frame, not a global
    print("proxy extra", "m_extra" in globals(), p.get("m_extra"))
else:
    print("proxy extra", False, 1)

# what else reads the running frame's locals: vars(), dir(), eval() and exec() without a mapping
a_eval = 1
print("module eval", [eval("m_e + a_eval") for m_e in range(2)])
print("module vars", [sorted(k for k in vars() if k.startswith("m_e")) for m_e in range(1)])
print("module dir", [[k for k in dir() if k.startswith("m_d")] for m_d in range(1)])
class F:
    f_attr = 2
    print("class eval", [eval("f_y") for f_y in range(2)])
    print("class vars", [sorted(k for k in vars() if k.startswith("f_")) for f_y in range(1)])
print("module exec", [exec("m_z = 5") or sorted(k for k in locals() if k.startswith("m_w")) for m_w in range(1)],
      "m_z" in globals())
