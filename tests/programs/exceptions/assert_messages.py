# assert with and without messages, messages evaluated lazily, AssertionError args; ends uncaught
def check(x):
    assert x > 0, "x must be positive, got %d" % x
    return x
print(check(5))
try:
    check(-2)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
calls = []
def msg():
    calls.append(1)
    return "computed"
assert True, msg()
print("message calls:", len(calls))
try:
    assert [], msg()
except AssertionError as e:
    print(e, len(calls))
try:
    assert None, ("tuple", 1)
except AssertionError as e:
    print(e.args)
try:
    assert 0, ValueError("an exception as message")
except AssertionError as e:
    print(type(e.args[0]).__name__, e)
assert len("abc") == 3, "len works"
print("about to fail")
assert check(1) == 2, "check(1) returned %r" % check(1)
