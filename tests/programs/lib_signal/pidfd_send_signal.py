# signal.pidfd_send_signal: errors, SIGINT's KeyboardInterrupt, a handled signal sent through os.pidfd_open's descriptor
import errno, os, signal
try:
    signal.pidfd_send_signal(0, signal.SIGINT)
except OSError as e:
    print(e.errno == errno.EBADF)
fd = os.open(f'/proc/{os.getpid()}', os.O_DIRECTORY)
for a in ((fd, signal.SIGINT, object(), 0), (fd,), (fd, 1, None, 0, 5)):
    try:
        signal.pidfd_send_signal(*a)
    except TypeError as e:
        print(e)
try:
    signal.pidfd_send_signal(fd, signal.SIGINT)
except KeyboardInterrupt:
    print('KeyboardInterrupt')
pfd = os.pidfd_open(os.getpid())
signal.signal(signal.SIGUSR1, lambda s, f: print('handler', s == signal.SIGUSR1))
signal.pidfd_send_signal(pfd, signal.SIGUSR1)
print('after')
