# syslog: CPython 3.11's argument errors — syslog()'s single message, openlog's str and int arguments, setlogmask, LOG_MASK/LOG_UPTO
import syslog

def attempt(f, *args, **kwargs):
    try:
        print('ok', f(*args, **kwargs))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(syslog.syslog)
attempt(syslog.syslog, 1)
attempt(syslog.syslog, 'a', 'b')
attempt(syslog.syslog, 1, 2)
attempt(syslog.syslog, 1, 'a', 3)
attempt(syslog.syslog, b'bytes')
attempt(syslog.syslog, 2**40, 'x')
attempt(syslog.syslog, 1.0, 'x')
attempt(syslog.syslog, msg='x')
attempt(syslog.openlog, 1)
attempt(syslog.openlog, None)
attempt(syslog.openlog, ident=b'x')
attempt(syslog.openlog, 'x', 'y')
attempt(syslog.openlog, 'x', 1.5)
attempt(syslog.openlog, 'x', 0, 2**70)
attempt(syslog.openlog, 'x', 0, 8, 9)
attempt(syslog.openlog, foo=1)
attempt(syslog.closelog, 1)
attempt(syslog.closelog)
attempt(syslog.setlogmask)
attempt(syslog.setlogmask, 'a')
attempt(syslog.setlogmask, 2**70)
attempt(syslog.setlogmask, 1, 2)
attempt(syslog.setlogmask, 2**40)
attempt(syslog.LOG_MASK)
attempt(syslog.LOG_MASK, 'a')
attempt(syslog.LOG_MASK, 1, 2)
attempt(syslog.LOG_MASK, 2**70)
attempt(syslog.LOG_UPTO, 2**40)
attempt(syslog.LOG_UPTO, 1.5)
