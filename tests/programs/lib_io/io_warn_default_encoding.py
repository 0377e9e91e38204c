# io: -X warn_default_encoding / PYTHONWARNDEFAULTENCODING (EncodingWarning from open(), TextIOWrapper(), io.text_encoding(), at the caller's line), -X dev checking a text stream's error handler at once
import os
import subprocess
import sys
import tempfile

code = """import io, sys, pathlib
print(sys.flags.warn_default_encoding)
with open('/dev/null') as f:
    pass
open('/dev/null', 'rb').close()
open('/dev/null', encoding='utf-8').close()
io.TextIOWrapper(io.BytesIO())
io.TextIOWrapper(io.BytesIO(), encoding=None)
io.TextIOWrapper(io.BytesIO(), encoding='ascii')
print(io.text_encoding('latin-1'))
def f():
    return io.text_encoding(None, 3)
def g():
    return f()
g()
"""
env = dict(os.environ)
env.pop("PYTHONWARNDEFAULTENCODING", None)
tmp = tempfile.TemporaryDirectory()
script = os.path.join(tmp.name, "script.py")
with open(script, "w", encoding="utf-8") as f:
    f.write(code)
for args, extra in ((["-X", "warn_default_encoding"], {}), ([], {"PYTHONWARNDEFAULTENCODING": "1"}),
                    ([], {}), (["-E"], {"PYTHONWARNDEFAULTENCODING": "1"})):
    r = subprocess.run([sys.executable] + args + [script], capture_output=True, text=True,
                       env=dict(env, **extra))
    print(args, extra, r.returncode, r.stdout.split())
    for line in r.stderr.splitlines():
        print("   ", line.strip().replace(script, "SCRIPT"))
tmp.cleanup()

dev = """import io, sys
for kw in ({'errors': 'Boom'}, {'encoding': 'Boom'}, {'errors': 'replace'}):
    try:
        print(io.TextIOWrapper(io.BytesIO(), **kw).errors)
    except LookupError as e:
        print('LookupError', e)
    try:
        open('/dev/null', **kw).close()
        print('opened')
    except LookupError as e:
        print('LookupError', e)
"""
for args in (["-X", "dev"], []):
    r = subprocess.run([sys.executable] + args + ["-c", dev], capture_output=True, text=True)
    print(args, r.returncode, r.stdout.splitlines(), r.stderr.splitlines()[-1:])
