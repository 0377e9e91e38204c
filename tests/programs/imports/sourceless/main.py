# A module shipped only as legacy.pyc beside its importer (SourcelessFileLoader).
import legacy
print(legacy.greet("pvm"), legacy.__file__.endswith("/legacy.pyc"))
print(legacy.__cached__ == legacy.__file__)
from legacy import greet
print(greet("again"))
