# User-defined exception classes: str/repr/args, extra attributes, hierarchy
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key
class Coded(AppError):
    def __init__(self, code, msg):
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a

for exc in [AppError(), AppError("x"), AppError("x", 2), NotFound("k"), Coded(404, "gone"), NoSuper(1, 2)]:
    print(type(exc).__name__, repr(str(exc)), exc.args, repr(exc))

try:
    raise NotFound("abc")
except AppError as e:
    print("caught", e, e.key, isinstance(e, Exception), type(e).__mro__[1].__name__)
try:
    raise Coded(1, "m")
except NotFound:
    print("wrong")
except Coded as e:
    print("right", e.code, e)
try:
    try:
        raise NotFound(1)
    except NotFound as e:
        raise Coded(2, "wrapped") from e
except Coded as e:
    print(type(e.__cause__).__name__, e.__cause__.key)

class ValidationError(ValueError):
    def __init__(self, field, *args):
        super().__init__(field, *args)
        self.field = field
e = ValidationError("name", "too short")
print(e, e.args, e.field, isinstance(e, ValueError))
try:
    int("x")
except ValueError as e:
    print("builtin", e)
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
print(WithDefault(), repr(WithDefault("m")))
e = AppError("a")
e.extra = 5
print(e.extra, e.__dict__)
print(issubclass(NotFound, LookupError), issubclass(NotFound, Exception))
