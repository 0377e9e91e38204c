# Unbounded recursion through __repr__, __eq__, __hash__, __getattr__,
# __len__, __iter__ and a property: RecursionError each time, never a
# crash of the interpreter.
class R:
    def __repr__(self):
        return repr(self)
class E:
    def __eq__(self, other):
        return self == other
class H:
    def __hash__(self):
        return hash(self)
class G:
    def __getattr__(self, name):
        return getattr(self, name)
class L:
    def __len__(self):
        return len(self)
class P:
    @property
    def p(self):
        return self.p
class S:
    def __str__(self):
        return "%s" % self
for what, action in (("repr", lambda: repr(R())), ("eq", lambda: E() == E()),
                     ("hash", lambda: hash(H())), ("getattr", lambda: G().x),
                     ("len", lambda: len(L())), ("property", lambda: P().p),
                     ("str", lambda: str(S()))):
    try:
        action()
    except RecursionError as e:
        print(what, type(e).__name__)
