# sys.path as CPython's getpath and site.py lay it out: after the script's directory, the PYTHONPATH entries, the standard library's zip (listed though Debian ships none), the standard library, lib-dynload, then site-packages; under -I -S the three standard entries alone; PYTHONPATH's duplicates of them dropped by site
import os, subprocess, sys

print(sys.path[1:])
print(sys.path.index(sys._stdlib_dir) - sys.path.index(sys.prefix + "/" + sys.platlibdir + "/python%d%d.zip" % sys.version_info[:2]))
SHOW = "import sys; print(sys.path)"
for flags, pythonpath in ((["-I", "-S"], None), (["-S"], "/nonexistent-a:/nonexistent-b"),
                          ([], sys._stdlib_dir + ":/nonexistent-a")):
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    out = subprocess.run([sys.executable, *flags, "-c", SHOW], env=env, capture_output=True, text=True)
    print(flags, pythonpath, out.stdout.strip(), out.returncode)
