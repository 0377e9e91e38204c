from . import __name__ as pkgname
from .. import flat
from ...shapes import flat as again
def volume(n):
    return flat.area(n) * n
def describe():
    return "cube in " + __package__ + " " + str(again is flat)
