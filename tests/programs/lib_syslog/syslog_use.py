# syslog: openlog/syslog/closelog/setlogmask through LOG_PERROR's copy on stderr, the default ident from sys.argv[0], LOG_MASK/LOG_UPTO, the constants
import os, sys, tempfile, syslog

def logged(action):
    """What the C library wrote to stderr (LOG_PERROR) while action ran."""
    with tempfile.TemporaryFile() as f:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(f.fileno(), 2)
        try:
            action()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        f.seek(0)
        return f.read().decode()

def session():
    syslog.openlog('pvm-test', syslog.LOG_PERROR, syslog.LOG_USER)
    syslog.syslog('hello')
    syslog.syslog(syslog.LOG_ERR, 'an error')
    syslog.syslog(syslog.LOG_DEBUG | syslog.LOG_LOCAL0, 'with a facility')
    syslog.syslog('percent %s %d stays')
    syslog.syslog('nul\0cut')
    syslog.closelog()

print(repr(logged(session)))

def masked():
    syslog.openlog(ident='masked', logoption=syslog.LOG_PERROR)
    old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_WARNING))
    print('old mask', old, file=sys.stdout)
    syslog.syslog(syslog.LOG_INFO, 'filtered out')
    syslog.syslog(syslog.LOG_WARNING, 'kept')
    print('mask', syslog.setlogmask(0), syslog.setlogmask(syslog.LOG_MASK(syslog.LOG_ERR)))
    syslog.syslog(syslog.LOG_WARNING, 'filtered now')
    syslog.syslog(syslog.LOG_ERR, 'only errors')
    print('mask', syslog.setlogmask(255))
    syslog.closelog()

print(repr(logged(masked)))

# no ident: the script's name, the last part of sys.argv[0]
def default_ident():
    syslog.openlog(logoption=syslog.LOG_PERROR)
    syslog.syslog('who am i')
    syslog.closelog()

text = logged(default_ident)
print(text == os.path.basename(sys.argv[0]) + ': who am i\n')

# syslog() before any openlog() opens the log itself
def implicit():
    syslog.syslog('implicit')
print(repr(logged(implicit)))
syslog.closelog()
syslog.closelog()

print([syslog.LOG_MASK(i) for i in range(8)], [syslog.LOG_UPTO(i) for i in range(8)])
print(syslog.LOG_MASK(31), syslog.LOG_MASK(32), syslog.LOG_MASK(-1), syslog.LOG_UPTO(30), syslog.LOG_UPTO(31))
print(sorted((k, v) for k, v in vars(syslog).items() if k.startswith('LOG_') and isinstance(v, int)))
print(sorted(k for k in vars(syslog) if not k.startswith('_')))
