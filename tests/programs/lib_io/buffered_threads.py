# Threads writing to one buffered file at once: each write lands whole, once (a raw write releases the interpreter lock; the buffered object is held by one thread at a time)
import os
import tempfile
import threading

folder = tempfile.mkdtemp()
text_path = os.path.join(folder, "text.txt")
binary_path = os.path.join(folder, "binary.bin")

# A line-buffered text file, twenty threads released together (CPython's
# test_io test_threads_write).
for round_ in range(10):
    go = threading.Event()
    with open(text_path, "w", encoding="utf-8", buffering=1) as f:
        def run(n):
            go.wait()
            f.write("Thread%03d\n" % n)
        threads = [threading.Thread(target=run, args=(n,)) for n in range(20)]
        for t in threads:
            t.start()
        go.set()
        for t in threads:
            t.join()
    with open(text_path, encoding="utf-8") as f:
        content = f.read()
    assert all(content.count("Thread%03d\n" % n) == 1 for n in range(20)), content
print("text: every line once in 10 rounds")

# A small binary buffer that fills and flushes while others write.
for round_ in range(5):
    with open(binary_path, "wb", buffering=64) as f:
        def run2(n):
            for i in range(300):
                f.write(b"%03d:%04d\n" % (n, i))
        threads = [threading.Thread(target=run2, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    with open(binary_path, "rb") as f:
        lines = f.read().split(b"\n")[:-1]
    expected = sorted(b"%03d:%04d" % (n, i) for n in range(8) for i in range(300))
    print("binary round", round_, len(lines), sorted(lines) == expected)

os.remove(text_path)
os.remove(binary_path)
os.rmdir(folder)
