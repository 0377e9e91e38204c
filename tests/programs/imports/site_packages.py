# site-packages on sys.path as site.py adds them: the user site under PYTHONUSERBASE and the directories its .pth files name (comments, blanks, missing and duplicate directories skipped); -s, -S, -I and PYTHONNOUSERSITE leave the user site out
import os, subprocess, sys, tempfile

SHOW = ("import sys\n"
        "base = sys.argv[1]\n"
        "print([p.replace(base, 'BASE') for p in sys.path if p.startswith(base)], sys.flags.no_user_site)\n"
        "try:\n"
        "    import sitemod, pthmod\n"
        "    print(sitemod.NAME, pthmod.NAME)\n"
        "except ImportError as e:\n"
        "    print(type(e).__name__, e)\n")

with tempfile.TemporaryDirectory() as base:
    site = os.path.join(base, "lib", "python%d.%d" % sys.version_info[:2], "site-packages")
    extra = os.path.join(base, "extra")
    os.makedirs(site)
    os.makedirs(extra)
    with open(os.path.join(site, "sitemod.py"), "w") as f:
        f.write("NAME = 'from the user site'\n")
    with open(os.path.join(extra, "pthmod.py"), "w") as f:
        f.write("NAME = 'from a .pth directory'\n")
    with open(os.path.join(site, "b.pth"), "w") as f:
        f.write("# a comment\n\n../../../../extra\n%s\nmissing-dir\n" % extra)
    with open(os.path.join(site, "a.pth"), "w") as f:
        f.write("import sys\n")                    # code (site.py runs it): no directory
    os.makedirs(os.path.join(base, "hidden"))
    with open(os.path.join(site, ".hidden.pth"), "w") as f:
        f.write(os.path.join(base, "hidden") + "\n")   # a hidden .pth file is not read
    env = dict(os.environ, PYTHONUSERBASE=base)
    env.pop("PYTHONNOUSERSITE", None)
    for flags, extra_env in (([], {}), (["-s"], {}), (["-S"], {}), (["-I"], {}),
                             ([], {"PYTHONNOUSERSITE": "1"})):
        r = subprocess.run([sys.executable] + flags + ["-c", SHOW, base], capture_output=True,
                           text=True, env=dict(env, **extra_env))
        print(flags, sorted(extra_env), r.stdout, end="")
        print(r.stderr, end="")
