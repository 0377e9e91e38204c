# A wait that only a dropped object's finalizer ends: CPython's reference counting runs __del__
# at once; a long wait in pvm collects, so the wait ends instead of timing out (or hanging)
import socket
import threading

done = threading.Event()


class Closer:
    def __del__(self):
        done.set()


def drop():
    Closer()


drop()
print(done.wait(30))

# A reader thread blocked on a socket that only the dropped writer's close ends.
a, b = socket.socketpair()
got = []
reader = threading.Thread(target=lambda: got.append(b.makefile('rb').read()))
reader.start()


def drop_socket():
    global a
    wrapper = a.makefile('wb')
    a.close()          # the socket closes for good when its makefile wrapper goes
    a = None
    wrapper.write(b'hi')
    wrapper.flush()


drop_socket()
reader.join()
print(got)
