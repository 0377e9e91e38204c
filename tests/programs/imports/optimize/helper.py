"""Docstring kept under -O."""
def check(x):
    assert x > 0, "never checked"
    return "checked " + str(x) + " " + str(__doc__ is not None)
