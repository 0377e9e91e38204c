# Development mode (-X dev, PYTHONDEVMODE): sys.flags.dev_mode, the "default" warning option first, and encode/decode looking up a misspelt encoding or error handler even for text that needs neither (bpo-37388)
import os
import subprocess
import sys

CHILD = r"""
import sys
print(sys.flags.dev_mode, sys.warnoptions)
bad = "Boom, Shaka Laka"
for label, f in (
    ("str.encode errors", lambda: "".encode("utf8", bad)),
    ("str.encode encoding", lambda: "ab".encode(bad)),
    ("bytes(str) errors", lambda: bytes("short", "latin1", bad)),
    ("bytearray(str) errors", lambda: bytearray("", "ascii", bad)),
    ("bytes.decode errors", lambda: b"".decode("utf8", bad)),
    ("bytes.decode errors only", lambda: b"x".decode(errors=bad)),
    ("str(bytes) errors", lambda: str(b"", "utf8", bad)),
    ("strict", lambda: "x".encode("ascii", "strict")),
):
    try:
        print(label, repr(f()))
    except LookupError as e:
        print(label, "LookupError:", e)
"""
env = dict(os.environ)
env.pop("PYTHONDEVMODE", None)
env.pop("PYTHONWARNINGS", None)
for args, extra in ((["-X", "dev"], {}), ([], {"PYTHONDEVMODE": "1"}), ([], {}),
                    (["-E"], {"PYTHONDEVMODE": "1"}), (["-X", "dev", "-W", "error"], {})):
    out = subprocess.run([sys.executable, *args, "-c", CHILD], env={**env, **extra},
                         capture_output=True, text=True)
    print(args, extra, out.returncode)
    print(out.stdout, end="")
