# A bare raise with no exception being handled.
def f():
    try:
        pass
    finally:
        raise
f()
