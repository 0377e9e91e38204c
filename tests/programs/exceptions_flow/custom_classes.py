# User-defined exception classes: hierarchy, attributes, str/repr, catching by base.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key
class Invalid(AppError):
    def __str__(self):
        return "invalid input!"
def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    if d[k] is None:
        raise Invalid(k)
    return d[k]
d = {"a": 1, "b": None}
for k in "abc":
    try:
        print(lookup(d, k))
    except NotFound as e:
        print("NotFound", e.key, e, repr(e), e.args)
    except AppError as e:
        print("AppError", type(e).__name__, e, repr(e))
try:
    raise NotFound("x") from Invalid("y")
except AppError as e:
    print(type(e.__cause__).__name__, e.__cause__)
print(issubclass(NotFound, Exception), isinstance(Invalid(), AppError))
class WithCode(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code
try:
    raise WithCode("boom", 42)
except WithCode as e:
    print(e.code, e.args, str(e))
raise NotFound("final")
