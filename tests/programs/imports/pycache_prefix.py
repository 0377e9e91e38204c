# sys.pycache_prefix from -X pycache_prefix and PYTHONPYCACHEPREFIX (the option wins, even empty or without a value; -E ignores the variable): where an imported module's bytecode is cached, read back and written
import os, subprocess, sys, tempfile

SHOW = ("import sys, os; sys.path.insert(0, 'src'); import modx\n"
        "print(sys.pycache_prefix, modx.__cached__.replace(os.getcwd(), '<cwd>'), modx.X)\n")

with tempfile.TemporaryDirectory() as d:
    d = os.path.realpath(d)
    os.mkdir(os.path.join(d, "src"))
    with open(os.path.join(d, "src", "modx.py"), "w") as f:
        f.write("X = 'x'\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    runs = [([], {}), (["-X", "pycache_prefix=rel"], {}),
            ([], {"PYTHONPYCACHEPREFIX": os.path.join(d, "abs")}),
            (["-X", "pycache_prefix=rel"], {"PYTHONPYCACHEPREFIX": "other"}),
            (["-E"], {"PYTHONPYCACHEPREFIX": "other"}),
            (["-X", "pycache_prefix="], {"PYTHONPYCACHEPREFIX": "other"}),
            (["-X", "pycache_prefix"], {"PYTHONPYCACHEPREFIX": "other"}),
            (["-X", "pycache_prefix=rel"], {})]
    for args, extra in runs:
        p = subprocess.run([sys.executable] + args + ["-c", SHOW], cwd=d, capture_output=True,
                           text=True, env=dict(env, **extra))
        print(args, sorted(extra), p.returncode, p.stdout.replace(d, "<cwd>"), end="")
        print(p.stderr.strip().splitlines()[-1:])
    for root, dirs, files in sorted(os.walk(d)):
        for name in files:
            if name.startswith("modx"):
                print(os.path.relpath(os.path.join(root, name), d).replace(d.lstrip("/"), "<cwd>"))
