try:
    from gamma import g
except ImportError as e:
    print("ImportError:", str(e).replace(__file__[:-8], "DIR/"))
d = 2
from gamma import g
