# `-m name.py` that cannot be found: runpy's message ends with the hint to
# drop the .py (here for a missing module, a missing parent package, and a
# parent that is a module, not a package).
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "plain.py"), "w"):
        pass
    for name in ("nosuchmod.py", "json.nosuch.py", "plain.py", "nosuchmod"):
        p = subprocess.run([sys.executable, "-m", name], cwd=d, capture_output=True, text=True)
        err = p.stderr.split(": ", 1)[1] if ": " in p.stderr else p.stderr
        print(p.returncode, err, end="")
