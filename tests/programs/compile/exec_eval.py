# exec() and eval() of strings and of code objects, with globals and locals.
print(eval("1 + 2 * 3"))
print(eval("  \t[x * x for x in range(4)]"))          # leading blanks are ignored
print(eval(b"'bytes source'"))
print(eval(bytearray(b"40 + 2")))

x = 10
print(eval("x + 1"))                                    # the caller's globals
def f():
    y = 5
    return eval("x + y")                                # ... and locals
print(f())

g = {"a": 2}
print(eval("a * 21", g), sorted(g))                    # __builtins__ is added
print(type(g["__builtins__"]).__name__)
print(eval("a + b", {"a": 1}, {"b": 2}))

class Namespace:
    """A mapping that is not a dict: locals may be any mapping."""
    def __init__(self):
        self.data = {"z": 100}
        self.log = []
    def __getitem__(self, key):
        self.log.append(("get", key))
        return self.data[key]
    def __setitem__(self, key, value):
        self.log.append(("set", key))
        self.data[key] = value
    def __delitem__(self, key):
        self.log.append(("del", key))
        del self.data[key]

ns = Namespace()
exec("w = z + 1\nprint('w is', w)\ndel w\ntry:\n    del w\nexcept NameError as e:\n    print(e)", {}, ns)
print(ns.log, ns.data)
print(eval("z * 2", {}, ns))

# exec returns None; definitions land in the namespace given.
scope = {}
print(exec("def double(n):\n    return 2 * n\nresult = double(21)", scope))
print(scope["result"], scope["double"](4), scope["double"].__module__ if "__name__" in scope else "no __name__")

# A code object runs as it is, again and again.
code = compile("counter = counter + 1", "<counter>", "exec")
state = {"counter": 0}
for _ in range(3):
    exec(code, state)
print(state["counter"])
expr = compile("counter * 10", "<expr>", "eval")
print(eval(expr, state))

# Separate globals and locals: assignments go to locals, functions see globals.
gl, lo = {"k": 1}, {}
exec("k2 = k + 1\ndef h():\n    return k\nk3 = h()", gl, lo)
print(sorted(lo), lo["k2"], lo["k3"], "k2" in gl)

# exec inside a function: locals() is a snapshot; writes are lost.
def inside():
    v = 1
    exec("v = 2")
    return v
print(inside())

# Errors raised by the executed code carry through.
try:
    exec("1 / 0")
except ZeroDivisionError as e:
    print("caught", e)
try:
    eval("undefined_name")
except NameError as e:
    print("caught", e)

# Nested exec and eval.
print(eval("eval('6 * 7')"))
exec("exec('print(\"nested\")')")

# Argument errors, with CPython's messages.
def show(thunk):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)
show(lambda: exec(1))
show(lambda: eval(1))
show(lambda: exec("x", []))
show(lambda: exec("x", {}, 1))
show(lambda: eval("x", []))
show(lambda: eval("x", {}, 1))
show(lambda: eval("x", Namespace()))
show(lambda: exec())
show(lambda: eval())
show(lambda: eval("1", {}, {}, 3))
show(lambda: exec("1", {}, {}, 3))
show(lambda: eval(source="1"))
