# except with something that is not an exception class.
try:
    raise ValueError
except (KeyError, "nope"):
    pass
