# exec() and eval() inside a class body and a comprehension; __builtins__
# replaced by a dict of our own.
class C:
    exec("a = 1")
    b = eval("a + 1")
    exec("def method(self):\n    return 'method made by exec'")
print(C.a, C.b, C().method())

print([eval("i * 2", {"i": i}) for i in range(3)])

fake = {"print": print, "len": lambda s: 99}
exec("print(len('ab'))", {"__builtins__": fake})
try:
    exec("print(abs(-1))", {"__builtins__": fake})
except NameError as e:
    print("NameError:", e)

# globals() seen by exec'd code is the dict passed.
g = {"marker": "mine"}
exec("seen = globals()['marker']", g)
print(g["seen"])
