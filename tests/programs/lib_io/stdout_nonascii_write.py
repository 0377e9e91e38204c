# sys.stdout.write of non-ASCII text, mixed with ASCII writes and print(), block-buffered (a pipe, no PYTHONUNBUFFERED): nothing lost at exit, order kept
import os
import subprocess
import sys

PROGRAM = """
import sys
sys.stdout.write('a')
sys.stdout.write('\\u00e6')
print('b', '\\u20ac')
sys.stdout.write(str(['\\u00e6']))
sys.stdout.write('\\n')
print('end', end='')
sys.stdout.write('\\u00e9')
"""

env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
env["PYTHONIOENCODING"] = "utf-8"
for args in [[], ["-u"]]:
    r = subprocess.run([sys.executable] + args + ["-c", PROGRAM], env=env, capture_output=True)
    print(args, r.returncode, r.stdout, r.stderr)
