# "Did you mean" suggestions after an uncaught AttributeError / NameError report
import sys, io
def report(f):
    try:
        f()
    except Exception:
        old = sys.stderr
        sys.stderr = io.StringIO()
        try:
            sys.__excepthook__(*sys.exc_info())
        finally:
            text, sys.stderr = sys.stderr.getvalue(), old
        print(text.splitlines()[-1])
class Substitution:
    noise = more_noise = a = bc = None
    blech = None
class EliminationOverAddition:
    blucha = None
    bluc = None
class Case:
    Bluch = None
report(lambda: Substitution().bluch)
report(lambda: EliminationOverAddition().bluch)
report(lambda: Case().bluch)
report(lambda: Substitution().somethingverywrong)
report(lambda: [].apend)
report(lambda: (1).real_)
global_for_suggestions = 1
report(lambda: global_for_suggestion)
report(lambda: Zerodivisionerror)
def loc():
    somevariable = 1
    return somevarible
report(loc)
def none():
    return qqqqqqqqqq
report(none)
import math
report(lambda: math.sine)
