# Code objects with free variables: eval refuses them, exec needs closure=.
def outer():
    captured = "from the closure"
    def inner():
        return captured
    return inner

inner = outer()
code = inner.__code__
print(code.co_freevars)
for thunk in (lambda: exec(code), lambda: eval(code)):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)

# exec(code, closure=...) fills the free variables from cells.
def make_printer():
    message = "printed through exec's closure"
    def printer():
        print(message)
    return printer
p = make_printer()
exec(p.__code__, {}, closure=p.__closure__)
try:
    exec(p.__code__, {}, closure=(1,))
except TypeError as e:
    print("TypeError:", e)
try:
    exec("x = 1", closure=p.__closure__)
except TypeError as e:
    print("TypeError:", e)
try:
    exec(compile("x = 1", "s", "exec"), closure=p.__closure__)
except TypeError as e:
    print("TypeError:", e)

# The code of a function that takes arguments: a call without them.
def needs(a, b):
    return a + b
try:
    exec(needs.__code__)
except TypeError as e:
    print("TypeError:", e)
