# python -m doctest FILE (a module and a text file) run as a user would, through sys.executable: status, report, -v, -o FLAG
import os
import re
import subprocess
import sys
import tempfile

MODULE = '''\
def triple(x):
    """
    >>> triple(3)
    9
    >>> [triple(i) for i in range(20)]
    [0, 3, 6, ..., 57]
    """
    return 3 * x
'''

TEXT = '''\
    >>> 2 + 2
    4
    >>> "spam" * 2
    'spamspam'
'''

directory = tempfile.mkdtemp()
for name, content in [("tripler.py", MODULE), ("notes.txt", TEXT)]:
    with open(os.path.join(directory, name), "w") as f:
        f.write(content)

env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
for args in [["tripler.py"], ["-o", "ELLIPSIS", "tripler.py"], ["notes.txt"],
             ["-v", "notes.txt"], ["-v", "-o", "ELLIPSIS", "tripler.py"]]:
    r = subprocess.run([sys.executable, "-m", "doctest"] + args, cwd=directory, env=env,
                       capture_output=True, text=True)
    print(args, r.returncode)
    print(re.sub(r'File "[^"]*/', 'File "', r.stdout), end="")
    print(r.stderr, end="")

for name in ["tripler.py", "notes.txt"]:
    os.remove(os.path.join(directory, name))
os.rmdir(directory)
