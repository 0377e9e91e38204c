# -u and PYTHONUNBUFFERED: sys.stdout writes through (output survives os._exit); sys.stdout.flush() reaches the file in every mode
import os, subprocess, sys

child = "import sys, os; sys.stdout.write('written '); print(type(sys.stdout.buffer).__name__); os._exit(0)"
env = {k: v for k, v in os.environ.items() if k != 'PYTHONUNBUFFERED'}
for args, extra in [(['-u'], {}), ([], {'PYTHONUNBUFFERED': '1'}), ([], {})]:
    r = subprocess.run([sys.executable] + args + ['-c', child], env={**env, **extra},
                       capture_output=True, text=True)
    print(args, extra, repr(r.stdout), r.returncode)

print('parent first', flush=True)
pid = os.fork()
if pid == 0:
    print('child flushed')
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
print('parent after')
