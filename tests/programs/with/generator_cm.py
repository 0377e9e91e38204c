# A hand-written contextmanager decorator built on generators, with and without errors.
class GenCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, typ, val, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(typ, val, tb)
        except StopIteration:
            return True
        except BaseException as e:
            if e is val:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")

def contextmanager(f):
    def helper(*args):
        return GenCM(f(*args))
    return helper

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")

@contextmanager
def ignoring(exc):
    try:
        yield
    except exc as e:
        print("ignored", repr(e))

with tag("html"):
    with tag("body") as b:
        print("content in", b)
with ignoring(ZeroDivisionError):
    1 / 0
print("went on")
try:
    with tag("p"):
        raise ValueError("inside p")
except ValueError as e:
    print("propagated", e)
