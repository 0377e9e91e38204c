# subclassing Exception: extra fields, custom __str__, args handling, hierarchy catch; uncaught custom error ends it
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what, where="db"):
        super().__init__(what, where)
        self.what = what
        self.where = where
    def __str__(self):
        return "%s not found in %s" % (self.what, self.where)
class Invalid(AppError, ValueError):
    pass
try:
    raise NotFound("user 7")
except AppError as e:
    print(type(e).__name__, e, e.args, repr(e))
try:
    raise Invalid("bad input", 3)
except ValueError as e:
    print(type(e).__name__, e, e.args, isinstance(e, AppError))
print([c.__name__ for c in Invalid.__mro__])
class Coded(Exception):
    def __init__(self, code):
        self.code = code
e = Coded(404)
print(e.code, e.args, str(e), repr(e))
class Custom(Exception):
    def __repr__(self):
        return "Custom!"
print(repr(Custom(1)), str(Custom(1, 2)))
print(str(AppError()), repr(AppError()), str(AppError("one")), repr(AppError("a", 2)))
err = AppError("x")
err.extra = 5
print(err.extra)
def find(k):
    if k != "ok":
        raise NotFound(k, "cache")
    return 1
for k in ["ok", "missing"]:
    try:
        print(find(k))
    except NotFound as nf:
        print("handled:", nf, nf.what)
raise NotFound("config", "disk")
