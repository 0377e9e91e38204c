# Patterns pickle as re._compile(pattern, flags) (copyreg.pickle in re's
# __init__), at every protocol, and come back equal; Match objects do not.
import pickle
import re

for p in [re.compile(r"(?P<k>\w+)=(\d+)", re.I | re.M), re.compile(b"x+", re.L), re.compile("")]:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        q = pickle.loads(pickle.dumps(p, proto))
        print(proto, q == p, q is p, repr(q), q.groupindex == p.groupindex)
try:
    pickle.dumps(re.match("a", "a"))
except TypeError as e:
    print("TypeError", e)
