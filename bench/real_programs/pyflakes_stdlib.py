# pyflakes (Debian's python3-pyflakes) checking four standard library modules.
import sys
from pyflakes.api import check
from pyflakes.reporter import Reporter
import io
out = io.StringIO()
for name in ['argparse', 'typing', 'dataclasses', 'enum']:
    src = open('/usr/lib/python3.11/%s.py' % name).read()
    n = check(src, name, Reporter(out, out))
    print(name, n)
print(len(out.getvalue()))
