# File names that are not UTF-8 through os: fsencode/fsdecode with surrogateescape, bytes expandvars, a non-UTF-8 name listed as str and as bytes
import os, os.path
print(os.fsencode('x\udcff'), ascii(os.fsdecode(b'y\xff')), os.path.expandvars(b'$HOME') != b'$HOME')
base = 'pvm_os_bytes_tmp'
os.mkdir(base)
open(os.path.join(base, 'caf\xe9'), 'w').close()
with open(os.fsencode(os.path.join(base, 'raw')) + b'\xff', 'wb'):
    pass
print(sorted(ascii(n) for n in os.listdir(base)), sorted(os.listdir(os.fsencode(base))))
for n in os.listdir(base):
    os.remove(os.path.join(base, n))
os.rmdir(base)
