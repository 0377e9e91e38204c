# raise ... from None, uncaught.
try:
    {}["missing"]
except KeyError:
    raise AttributeError("no such setting") from None
