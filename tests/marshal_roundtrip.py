"""marshal_roundtrip.py — how many of the standard library's .pyc files pvm's
marshal writes back byte for byte: for each pyc, marshal.dumps(marshal.loads(body))
is compared with the body (the 16-byte header left out).

    ./pvm tests/marshal_roundtrip.py [LIBDIR]        (default /usr/lib/python3.11)

CPython's own marshal does not pass this (its back-reference flags follow
reference counts at the time of writing); pvm's rules are in
loader/marshal_write.c.  Prints "N of M identical" and the first files that
differ."""
import glob
import marshal
import os
import sys

lib = sys.argv[1] if len(sys.argv) > 1 else '/usr/lib/python3.11'
files = sorted(glob.glob(os.path.join(lib, '**', '__pycache__', '*.cpython-311.pyc'), recursive=True))
same = 0
differ = []
for name in files:
    with open(name, 'rb') as f:
        body = f.read()[16:]
    if marshal.dumps(marshal.loads(body)) == body:
        same += 1
    else:
        differ.append(name)
print(same, 'of', len(files), 'identical')
for name in differ[:10]:
    print('differs:', name)
