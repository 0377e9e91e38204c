# from m import * with and without __all__.
from withall import *
import sys
ns = sys.modules[__name__].__dict__
print([k for k in ["pub", "other", "_hidden", "helper"] if k in ns])
print(pub, _hidden)
from noall import *
print(visible, VISIBLE)
try:
    print(_secret)
except NameError as e:
    print("NameError:", e)
from pkg import *
print(sub.x)
try:
    from badall import *
except TypeError as e:
    print("TypeError:", e)
