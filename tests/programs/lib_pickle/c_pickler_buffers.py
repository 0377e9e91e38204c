# _pickle: PickleBuffer and out-of-band buffers (protocol 5), frames, several pickles in one file
import pickle, io

pb = pickle.PickleBuffer(b'abc')
print(type(pb).__name__, type(pb).__module__, bytes(pb.raw()), pb.raw().readonly)
ba = bytearray(b'xyz')
wb = pickle.PickleBuffer(ba)
print(bytes(memoryview(wb)), memoryview(wb).readonly)
wb.release()
wb.release()
try:
    wb.raw()
except ValueError as e:
    print('ValueError:', e)

for obj in (pickle.PickleBuffer(b'ro'), pickle.PickleBuffer(bytearray(b'rw'))):
    print(pickle.dumps(obj, 5))
    try:
        pickle.dumps(obj, 4)
    except pickle.PicklingError as e:
        print('PicklingError:', e)
    buffers = []
    s = pickle.dumps(obj, 5, buffer_callback=buffers.append)
    print(s, len(buffers))
    back = pickle.loads(s, buffers=buffers)
    print(type(back).__name__, bytes(back))
    try:
        pickle.loads(s)
    except pickle.UnpicklingError as e:
        print('UnpicklingError:', e)
    try:
        pickle.loads(s, buffers=[])
    except pickle.UnpicklingError as e:
        print('UnpicklingError:', e)

try:
    pickle.dumps(1, 4, buffer_callback=print)
except ValueError as e:
    print('ValueError:', e)

# frames: a large pickle written to a file arrives in frame-sized writes
class Recorder:
    def __init__(self):
        self.sizes = []
        self.data = b''
    def write(self, b):
        self.sizes.append(len(b))
        self.data += bytes(b)
big = [str(i) * 3 for i in range(30000)]
for proto in (2, 4, 5):
    r = Recorder()
    pickle.dump(big, r, proto)
    print(proto, r.sizes, pickle.loads(r.data) == big)
r = Recorder()
pickle.dump([b'x' * 100000, b'y' * 10], r, 4)
print(r.sizes, [len(x) for x in pickle.loads(r.data)])
print(pickle.dumps([b'x' * 5, 'y' * 70000], 4)[:20])

# several pickles in one file, read back one at a time
f = io.BytesIO()
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    pickle.dump(('pickle', proto, list(range(proto))), f, proto)
end = f.tell()
f.seek(0)
while f.tell() < end:
    print(pickle.load(f), f.tell())
try:
    pickle.load(f)
except EOFError as e:
    print('EOFError:', e)

# a file with only read() and readline()
class Minimal:
    def __init__(self, data):
        self.f = io.BytesIO(data)
        self.read = self.f.read
        self.readline = self.f.readline
print(pickle.load(Minimal(pickle.dumps({'a': [1, 2.5, None]}, 0))))
print(pickle.load(Minimal(pickle.dumps({'a': b'x' * 70000}, 4)))['a'][:3])
try:
    pickle.Unpickler(object())
except TypeError as e:
    print('TypeError:', e)
