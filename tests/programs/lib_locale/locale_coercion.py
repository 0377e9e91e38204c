# CPython's start-up locale (PEP 538 coercion of C/POSIX to C.UTF-8, LC_ALL and PYTHONCOERCECLOCALE=0 disabling it) as _locale reports it, in child interpreters
# A locale that is not installed (xx_XX.UTF-8 here) leaves LC_CTYPE at C: UTF-8 mode (PEP 540) and coercion follow.
import os, subprocess, sys
code = ("import locale, os, sys; print(locale.setlocale(locale.LC_ALL), locale.getencoding(), "
        "locale.getpreferredencoding(), sys.flags.utf8_mode, locale.getlocale(), sys.stdout.errors, "
        "os.environ.get('LC_CTYPE'))")
base = {k: v for k, v in os.environ.items() if not k.startswith('LC_') and k not in ('LANG', 'PYTHONCOERCECLOCALE', 'PYTHONUTF8')}
for extra in [{'LANG': 'C'}, {'LC_ALL': 'C'}, {'LANG': 'C', 'PYTHONCOERCECLOCALE': '0'}, {'LC_CTYPE': 'POSIX'},
              {'LANG': 'C.UTF-8'}, {'LANG': 'POSIX', 'LC_TIME': 'C.UTF-8'}, {},
              {'LANG': 'xx_XX.UTF-8'}, {'LC_ALL': 'xx_XX.UTF-8'}, {'LC_CTYPE': 'xx_XX.UTF-8', 'LANG': 'C.UTF-8'},
              {'LANG': 'xx_XX.UTF-8', 'PYTHONCOERCECLOCALE': '0'}, {'LANG': 'xx_XX.UTF-8', 'PYTHONUTF8': '0'},
              {'LANG': 'C.UTF-8', 'LC_CTYPE': 'C'}, {'LANG': 'C', 'PYTHONCOERCECLOCALE': 'warn'}]:
    out = subprocess.run([sys.executable, '-c', code], env=dict(base, **extra), capture_output=True, text=True)
    print(extra, out.stdout.strip(), out.stderr.strip(), out.returncode)
# -X utf8 (the first one given decides) before PYTHONUTF8; -E ignores PYTHONUTF8 and PYTHONCOERCECLOCALE
for options, extra in [(['-X', 'utf8'], {'LANG': 'C.UTF-8'}), (['-X', 'utf8=0'], {'LANG': 'C'}),
                       (['-X', 'utf8=1', '-X', 'utf8=0'], {}), (['-X', 'utf8=0'], {'PYTHONUTF8': '1'}),
                       (['-E'], {'LANG': 'C.UTF-8', 'PYTHONUTF8': '1'}),
                       (['-E'], {'LANG': 'C', 'PYTHONCOERCECLOCALE': '0'})]:
    out = subprocess.run([sys.executable] + options + ['-c', code], env=dict(base, **extra),
                         capture_output=True, text=True)
    print(options, extra, out.stdout.strip(), out.returncode)
# a bad value is a fatal error at start-up
for options, extra in [(['-X', 'utf8=2'], {}), ([], {'PYTHONUTF8': 'yes'})]:
    out = subprocess.run([sys.executable] + options + ['-c', 'print(1)'], env=dict(base, **extra),
                         capture_output=True, text=True)
    print(options, extra, repr(out.stdout), out.stderr.splitlines()[:1], out.returncode)
