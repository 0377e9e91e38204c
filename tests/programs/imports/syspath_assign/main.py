# sys.path assigned a new list (not changed in place): imports search the new list
import sys, os
here = os.path.dirname(os.path.abspath(__file__))
saved = sys.path
sys.path = [os.path.join(here, 'extra')] + saved
import found_here
print(found_here.WHERE)
sys.path = [os.path.join(here, 'other')]
try:
    import only_extra_xyz
except ModuleNotFoundError as e:
    print(e)
import only_other
print(only_other.WHERE)
try:
    import textwrap
except ModuleNotFoundError as e:
    print(e)
import posix
print(posix.__name__)
sys.path = saved
import textwrap
print(textwrap.dedent('  ok'))
