# sys.breakpointhook with an unimportable $PYTHONBREAKPOINT: a RuntimeWarning (a real warning, so filters see it), None returned
import os, sys, warnings
for envar in ['.', '.foo', '.int', '..', 'foo.', 'int.', 'nosuchbuiltin', 'nosuchmodule.nosuchcallable']:
    os.environ['PYTHONBREAKPOINT'] = envar
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = breakpoint()
    print(repr(envar), r, [(x.category.__name__, str(x.message)) for x in w])
os.environ['PYTHONBREAKPOINT'] = 'builtins.print'
breakpoint("called", 1)
os.environ['PYTHONBREAKPOINT'] = '0'
print(breakpoint())
os.environ['PYTHONBREAKPOINT'] = 'nosuch'
warnings.simplefilter("error")
try:
    breakpoint()
except RuntimeWarning as e:
    print("error:", e)
