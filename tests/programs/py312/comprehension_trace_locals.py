# A trace function reading f_locals inside a comprehension inlined into a module or class body: 3.12 writes the namespace back into the hidden slots (None with a RuntimeWarning, or the namespace's own value), 3.13+ leave them
import sys

def tracer(frame, event, arg):
    if frame.f_code.co_name in ("<module>", "Body") and event == "line":
        d = frame.f_locals
        print(frame.f_code.co_name, frame.f_lineno, d is frame.f_globals,
              sorted(k for k in d if k.startswith("q")))
    return tracer

sys.settrace(tracer)
sys._getframe().f_trace = tracer
q0 = 1
r = [q1 * 2 for q1 in range(1)]
q2 = "namespace"
s = [q2 for q2 in range(2)]
class Body:
    q3 = "class"
    t = [q3 for q3 in range(2)]
sys.settrace(None)
print(r, s, Body.t, q2)
