# a text file left open at exit is flushed: a child python process shows what reached the disk
import os, subprocess, sys, tempfile

fd, path = tempfile.mkstemp()
os.close(fd)
code = "f = open(%r, 'w'); f.write('written at exit\\n'); g = open(%r + '.b', 'wb'); g.write(b'bytes at exit')" % (path, path)
subprocess.run([sys.executable, "-c", code], check=True)
with open(path) as f:
    print(repr(f.read()))
with open(path + ".b", "rb") as f:
    print(f.read())
os.remove(path)
os.remove(path + ".b")
