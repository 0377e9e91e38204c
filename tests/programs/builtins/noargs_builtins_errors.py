# globals() and locals() take no arguments, in CPython's words for such a builtin: "globals() takes no arguments (1 given)", "locals() takes no keyword arguments"
for call in (lambda: globals(1), lambda: locals(1, 2), lambda: globals(x=1), lambda: locals(x=1),
             lambda: globals(*()), lambda: type(locals(**{})).__name__):
    try:
        r = call()
        print("ok", r if isinstance(r, str) else type(r).__name__)
    except TypeError as e:
        print("TypeError:", e)
