# Packages, subpackages, absolute and relative imports, sys.modules caching.
import sys
import util
import util
import shapes.solid.cube
from shapes import flat
from shapes.solid import cube as c2
from shapes.solid.cube import volume, describe
import shapes.flat as f2

print(util.counter, util.__name__, util.__package__)
print(shapes.solid.cube.volume(3), volume(2), describe())
print(flat.area(4), f2 is flat, c2 is shapes.solid.cube)
print(shapes.__name__, shapes.__package__, shapes.solid.__package__, flat.__package__)
print(shapes.__path__ == [sys.path[0] + "/shapes"])
print(shapes.__file__ == sys.path[0] + "/shapes/__init__.py")
print(flat.__file__ == sys.path[0] + "/shapes/flat.py")
print(flat.__cached__ == sys.path[0] + "/shapes/__pycache__/flat.cpython-311.pyc")
print(sorted([k for k in sys.modules if k.startswith(("shapes", "util"))]))
print(sys.modules["shapes.flat"] is flat, "flat" in dir(shapes))
print(type(shapes).__name__, hasattr(flat, "__builtins__"), flat.__spec__ is None or True)
print(__name__, __package__, util.run_as_main)
m = __import__("shapes.flat")
print(m is shapes, __import__("shapes.flat", fromlist=["area"]) is flat)
