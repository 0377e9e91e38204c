# a thread writing more than a pipe holds waits with the interpreter lock released, so the thread reading the pipe runs (os.write and FileIO.write)
import os, threading

def pump(write, label):
    r, w = os.pipe()
    data = bytes(range(256)) * 1024         # 256 KiB: four times a pipe's buffer
    got = []
    def reader():
        while True:
            chunk = os.read(r, 65536)
            if not chunk:
                break
            got.append(chunk)
    t = threading.Thread(target=reader)
    t.start()
    written = write(w, data)
    os.close(w)
    t.join()
    os.close(r)
    print(label, written, sum(map(len, got)), b"".join(got) == data)

def os_write(w, data):
    done = 0
    while done < len(data):
        done += os.write(w, data[done:])
    return done

def fileio_write(w, data):
    f = open(w, "wb", buffering=0, closefd=False)
    return f.write(data)

def buffered_write(w, data):
    with open(os.dup(w), "wb") as f:
        return f.write(data)

pump(os_write, "os.write")
pump(fileio_write, "FileIO.write")
pump(buffered_write, "BufferedWriter.write")
