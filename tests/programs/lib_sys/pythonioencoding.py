# PYTHONIOENCODING=encoding[:errors] sets the standard streams' encoding (stderr keeps backslashreplace), an encoding alone meaning strict; the exit message of sys.exit(str) goes through sys.stderr (test_sys test_exit, locale_surrogateescape)
import os
import subprocess
import sys

show = ("import sys\n"
        "for s in (sys.stdin, sys.stdout, sys.stderr): print(s.encoding, s.errors)\n"
        "print(chr(0xa2), 'caf\\xe9', '\\udcff' if sys.stdout.errors != 'strict' else '')\n"
        "print(chr(0xa2), '\\udcff', file=sys.stderr)\n")
for value in ("latin-1", "ascii:replace", ":ignore", "iso8859-1:", ":", "", "utf8", "UTF-8:strict",
              "utf-8:surrogateescape", "ascii:xmlcharrefreplace", None):
    env = dict(os.environ)
    env.pop("PYTHONIOENCODING", None)
    if value is not None:
        env["PYTHONIOENCODING"] = value
    for locale in ("C", "C.UTF-8"):
        env["LC_ALL"] = locale
        p = subprocess.run([sys.executable, "-c", show], env=env, capture_output=True)
        print(repr(value), locale, p.returncode, p.stdout, p.stderr)

for code, value in ((r'import sys; sys.exit("surrogates:\uDCFF")', None),
                    (r'import sys; sys.exit("h\xe9")', "latin-1"),
                    (r'import sys; sys.stderr.write("unflushed,"); sys.exit("message")', None),
                    (r'import sys; sys.stderr = None; sys.exit("no stderr")', None),
                    (r'import sys, io; sys.stderr = io.StringIO(); sys.exit("captured")', None)):
    env = dict(os.environ)
    env.pop("PYTHONIOENCODING", None)
    if value is not None:
        env["PYTHONIOENCODING"] = value
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True)
    print(p.returncode, p.stdout, p.stderr)
