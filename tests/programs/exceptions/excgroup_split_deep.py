# split() and subgroup() of an exception group nested past the recursion limit raise RecursionError (CPython's exceptiongroup_split_recursive; 3.13's C limit is far higher); below it they work
import sys

# (not on 3.14: its pyodide oracle runs out of stack)
e = TypeError(1)
for i in range(2000 if sys.version_info < (3, 14) else 0):
    e = ExceptionGroup("eg", [e])
for method in ("split", "subgroup") if sys.version_info < (3, 14) else ():
    try:
        r = getattr(e, method)(TypeError)
        print(method, sys.version_info >= (3, 13))
    except RecursionError as x:
        print(method, "RecursionError:", x)
e = TypeError(1)
for i in range(400 if sys.version_info < (3, 14) else 50):
    e = ExceptionGroup("eg", [e, ValueError(i)])
match, rest = e.split(ValueError)
print(type(match).__name__, type(rest).__name__, len(match.exceptions), len(rest.exceptions))
print(type(e.subgroup(TypeError)).__name__, e.subgroup(KeyError))
