# ExceptionGroup/BaseExceptionGroup: repr and str, split and subgroup (by type and predicate), derive in a subclass, notes, constructor errors
eg = ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [IndexError(1), KeyError("j")])])
print(repr(eg.exceptions[0]), type(eg.exceptions[1]).__name__, str(eg), repr(eg))
match_, rest = eg.split(KeyError)
print(match_, [repr(e) for e in match_.exceptions], rest)
sub = eg.subgroup(IndexError)
print(sub, repr(sub.exceptions[0].exceptions[0]))
print(eg.subgroup(ZeroDivisionError), eg.subgroup(BaseException) is eg)
print(eg.split(lambda e: isinstance(e, KeyError) and e.args[0] == "j"))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException), ExceptionGroup.__mro__, ExceptionGroup.__bases__)
for args in [("empty", []), (1, [ValueError()]), ("m", [1]), ("m", 5), ("m", {ValueError()})]:
    try: ExceptionGroup(*args)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
try: ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e: print(e)
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__, beg.message, beg.exceptions)
try: eg.split(5)
except TypeError as e: print(e)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
m = MyEG("mine", [ValueError(1), TypeError(2)])
print(repr(m.split(ValueError)), type(m.subgroup(TypeError)).__name__)
e = ExceptionGroup("n", [ValueError(1), TypeError(2)])
e.add_note("a note")
print(e.split(ValueError)[0].__notes__, ExceptionGroup[int])
try:
    raise ExceptionGroup("top", [ValueError("v")])
except ExceptionGroup as caught:
    print(caught.split(ValueError)[0].__traceback__ is caught.__traceback__)
for a, k in [(('a',), {}), (('a', [ValueError()]), {'x': 1}), (('a', [ValueError()], 3), {})]:
    try: ExceptionGroup(*a, **k)
    except TypeError as e: print(e)
