# __main__'s __loader__ read by name (print(__loader__), no import of importlib) under -c, stdin, a script and a function of it: CPython's start-up loader, never None
import os, subprocess, sys, tempfile

SHOW = ("def f():\n"
        "    return __loader__\n"
        "print(__loader__ if isinstance(__loader__, type) else type(__loader__).__name__,\n"
        "      f() is __loader__, __spec__)\n")
SHORT = "print(__loader__)\n"

with tempfile.TemporaryDirectory() as d:
    script = os.path.join(d, "show.py")
    with open(script, "w") as f:
        f.write(SHOW)
    runs = [([script], ""), (["-c", SHOW], ""), (["-c", SHORT], ""),
            (["-"], SHOW), (["-"], SHORT), ([], SHOW), ([], SHORT)]
    for argv, stdin in runs:
        p = subprocess.run([sys.executable] + argv, input=stdin, capture_output=True, text=True)
        print(len(argv), p.returncode, p.stdout, end="")
