# a script that is not valid UTF-8 (overlong forms, surrogates, past U+10FFFF) fails with the file tokenizer's 'Non-UTF-8 code' error on its line
import os
import subprocess
import sys
import tempfile

cases = [b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf0\x80\x80\x80",
         b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\x80", b"\xc3\xa9", b"\xed\x9f\xbf",
         b"\xf4\x8f\xbf\xbf"]
with tempfile.TemporaryDirectory() as tmp:
    name = os.path.join(tmp, "script.py")
    for content in cases:
        with open(name, "wb") as f:
            f.write(b'\n\n\n"%s"\nprint("ran")\n' % content)
        r = subprocess.run([sys.executable, name], capture_output=True)
        last = r.stderr.decode("utf-8", "replace").strip().split("\n")[-1]
        print(content, r.returncode, r.stdout.decode().strip(), last.replace(name, "SCRIPT").split(", but")[0])
