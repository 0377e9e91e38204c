# A program's own sys.stderr.flush and sys.stdout.flush are called where CPython calls them at exit: flush_io once __main__ has run (stderr, stdout); the traceback's C printer flushes stderr (3.13's traceback module does not); flush_std_files after atexit (stdout, stderr)
import atexit, os, sys
err_flush, out_flush = sys.stderr.flush, sys.stdout.flush
def stderr_flush():
    os.write(1, b'stderr flush\n')
    err_flush()
def stdout_flush():
    os.write(1, b'stdout flush\n')
    out_flush()
sys.stderr.flush = stderr_flush
sys.stdout.flush = stdout_flush
atexit.register(lambda: os.write(1, b'atexit\n'))
os.write(1, b'end of the program\n')
raise ValueError('uncaught')
