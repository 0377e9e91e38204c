# a script whose name (and an argument) is not UTF-8: __file__, sys.argv and sys.orig_argv hold the bytes as lone surrogates (os.fsdecode), as python3.11 gives them
import os, subprocess, sys, tempfile

SHOW = ("import sys\n"
        "print(ascii(__file__.rsplit('/', 1)[1]), ascii(sys.argv[0].rsplit('/', 1)[1]), ascii(sys.argv[1:]))\n"
        "print(ascii(sys.orig_argv[1].rsplit('/', 1)[1]), ascii(sys.orig_argv[2:]))\n"
        "print(sys.argv[1].encode('utf-8', 'surrogateescape'))\n"
        "raise ValueError(ascii(sys.argv[1]))\n")

with tempfile.TemporaryDirectory() as d:
    for name in (b"caf\xe9.py", b"na\xe7w\xf0.py", "\u00e9t\u00e9.py".encode()):
        path = os.path.join(os.fsencode(d), name)
        with open(path, "w") as f:
            f.write(SHOW)
        p = subprocess.run([sys.executable, path, b"x\xe7y", "\u00e9".encode()], capture_output=True, text=True)
        print(p.returncode, p.stdout, p.stderr.strip().splitlines()[-1])
