# socket: os.sendfile and socket.sendfile into a full socket let a reading thread run (pvm held the interpreter lock in sendfile and blocked for ever)
import os
import socket
import tempfile
import threading

SIZE = 4 * 1024 * 1024
DATA = bytes(range(256)) * (SIZE // 256)


def reader(sock, want, got):
    chunks = []
    n = 0
    while n < want:
        chunk = sock.recv(65536)
        if not chunk:
            break
        chunks.append(chunk)
        n += len(chunk)
    got.append(b"".join(chunks))


def through_thread(send, want):
    a, b = socket.socketpair()
    got = []
    t = threading.Thread(target=reader, args=(b, want, got))
    t.start()
    sent = send(a)
    t.join()
    a.close()
    b.close()
    return sent, got[0]


with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data")
    with open(path, "wb") as f:
        f.write(DATA)
    with open(path, "rb") as f:
        def with_os(sock):
            total = 0
            while total < SIZE - 5000:
                n = os.sendfile(sock.fileno(), f.fileno(), 5000 + total, SIZE - 5000 - total)
                if n == 0:
                    break
                total += n
            return total
        sent, data = through_thread(with_os, SIZE - 5000)
        print("os.sendfile:", sent, data == DATA[5000:], f.tell())
    with open(path, "rb") as f:
        sent, data = through_thread(lambda sock: sock.sendfile(f, offset=1000), SIZE - 1000)
        print("socket.sendfile:", sent, data == DATA[1000:], f.tell())
