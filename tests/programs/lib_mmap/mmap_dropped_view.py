# mmap.resize and close after a memoryview of the map was read and dropped work, as in CPython (the dropped view gives its export back in the collection the refusal runs first); a view still referred to makes close raise BufferError, its release lets it close
import mmap
import tempfile

with tempfile.TemporaryFile() as f:
    f.write(b"\0" * 4096)
    f.flush()
    m = mmap.mmap(f.fileno(), 4096)
    for i in range(5):
        memoryview(m)[1:10].tobytes()
        m.resize(4096 * (i + 2))
    print(len(m))
    v = memoryview(m)
    try:
        m.close()
    except BufferError as e:
        print("BufferError:", e)
    v.release()
    memoryview(m)[1:].tobytes()
    m.close()
    print(m.closed)
