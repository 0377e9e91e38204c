# a hand-written contextmanager decorator built on generators (no contextlib)
class GenCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")
def contextmanager(f):
    def helper(*a, **kw):
        return GenCM(f(*a, **kw))
    return helper
@contextmanager
def indent(level):
    print("  " * level + "begin", level)
    try:
        yield level + 1
    finally:
        print("  " * level + "end", level)
with indent(0) as l1:
    with indent(l1) as l2:
        print("  " * l2 + "content")
@contextmanager
def ignoring(kind):
    try:
        yield
    except kind as e:
        print("ignoring", type(e).__name__, e)
with ignoring(KeyError):
    {}["gone"]
print("continued")
try:
    with ignoring(KeyError):
        raise ValueError("not ignored")
except ValueError as e:
    print("escaped:", e)
