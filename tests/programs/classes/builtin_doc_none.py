# a builtin type without a docstring has __doc__ None in its own dict: instances do not inherit object's
print(None.__doc__, staticmethod(None).__dict__, object.__doc__[:24], object().__doc__[:24])
class C: pass
print(C.__doc__, C().__doc__, type(None).__doc__)
def f(): "fdoc"
print(staticmethod(f).__doc__, classmethod(f).__doc__)
