# warnings: a filter whose line number is not an int is a TypeError (pvm read it as one and crashed)
import warnings

warnings.filters.insert(0, ('ignore', None, Warning, None, None))
try:
    warnings.warn("x")
except TypeError as e:
    print("TypeError:", e)
warnings.filters[0] = ('ignore', None, Warning, None, True)
warnings.warn("ignored at line 1 only")
warnings.filters[0] = ('error', None, UserWarning, None, 0)
try:
    warnings.warn("now an error")
except UserWarning as e:
    print("UserWarning:", e)
