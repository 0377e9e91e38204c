# with on an object without __enter__/__exit__, uncaught.
def f():
    with [1, 2] as x:
        print(x)
f()
