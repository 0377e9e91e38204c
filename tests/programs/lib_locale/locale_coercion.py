# CPython's start-up locale (PEP 538 coercion of C/POSIX to C.UTF-8, LC_ALL and PYTHONCOERCECLOCALE=0 disabling it) as _locale reports it, in child interpreters
import os, subprocess, sys
code = ("import locale, sys; print(locale.setlocale(locale.LC_ALL), locale.getencoding(), "
        "locale.getpreferredencoding(), sys.flags.utf8_mode, locale.getlocale())")
base = {k: v for k, v in os.environ.items() if not k.startswith('LC_') and k not in ('LANG', 'PYTHONCOERCECLOCALE', 'PYTHONUTF8')}
for extra in [{'LANG': 'C'}, {'LC_ALL': 'C'}, {'LANG': 'C', 'PYTHONCOERCECLOCALE': '0'}, {'LC_CTYPE': 'POSIX'},
              {'LANG': 'C.UTF-8'}, {'LANG': 'POSIX', 'LC_TIME': 'C.UTF-8'}, {}]:
    out = subprocess.run([sys.executable, '-c', code], env=dict(base, **extra), capture_output=True, text=True)
    print(extra, out.stdout.strip(), out.returncode)
