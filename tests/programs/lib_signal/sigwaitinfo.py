# signal.sigwaitinfo and sigtimedwait: struct_siginfo, timeouts, argument errors, a handled signal during the wait
import os, signal, threading, time
print(signal.struct_siginfo.__module__, signal.struct_siginfo.n_fields, signal.struct_siginfo.__match_args__)
for args in ([[signal.SIGUSR1], -1], [[signal.SIGUSR1], 'x'], [[1 << 1000], 0], [[0], 0]):
    try:
        signal.sigtimedwait(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    signal.pthread_sigmask(signal.SIG_BLOCK, [1 << 1000])
except Exception as e:
    print(type(e).__name__, e)
try:
    signal.sigwaitinfo()
except Exception as e:
    print(type(e).__name__, e)
print(signal.sigtimedwait([signal.SIGUSR1], 0))
print(signal.sigtimedwait([signal.SIGUSR1], 0.01))
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigwaitinfo([signal.SIGUSR1])
print(info.si_signo == signal.SIGUSR1, info.si_code, info.si_errno, info.si_pid == os.getpid(),
      info.si_uid == os.getuid(), info[0] == info.si_signo, len(info))
os.kill(os.getpid(), signal.SIGUSR2)
info = signal.sigtimedwait([signal.SIGUSR2], 1.5)
print(info.si_signo == signal.SIGUSR2, type(info).__name__)
# a handled signal arriving while waiting: the handler runs, the wait goes on
got = []
signal.signal(signal.SIGALRM, lambda s, f: got.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
start = time.monotonic()
print(signal.sigtimedwait([signal.SIGUSR1], 0.3), got == [signal.SIGALRM], time.monotonic() - start >= 0.25)
signal.pthread_sigmask(signal.SIG_SETMASK, old)
print(signal.struct_siginfo((1, 2, 3, 4, 5, 6, 7)))
