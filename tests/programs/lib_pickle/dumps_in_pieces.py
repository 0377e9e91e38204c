# pickle.dumps moves its output out of the pickler's buffer a frame (or,
# below protocol 4, 64 KiB) at a time and joins the pieces once at the end
# (pickle_save.c's spill and take_output): every byte must be where
# CPython's one buffer puts it, across piece ends, frames shorter than their
# header, payloads of a frame's size or more (written outside frames), and
# pickles of every size around the piece size.
import hashlib
import pickle

def digest(b):
    return hashlib.sha256(b).hexdigest()[:20]

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def records(n):
    return [{"id": i, "name": "rec-%d" % i, "score": i / 7.0, "tags": ["a", "b\u00e9", str(i % 97)],
             "pt": Point(i, i % 1000), "pair": (i, -i), "big": i * 10**12, "flag": i % 2 == 0}
            for i in range(n)]

data = records(3000)
for proto in range(6):
    s = pickle.dumps(data, proto)
    print(proto, len(s), digest(s), s == pickle._dumps(data, proto))
    back = pickle.loads(s)
    print("  ", len(back), back[2999]["pt"].y, back[1234]["tags"], vars(back[7]["pt"]))

# payloads of 64 KiB and more between small objects: outside any frame
blobs = [b"x" * 10, b"y" * 65536, "z" * 70000, b"w" * 65535, bytearray(b"v" * 100000),
         "\u00e9" * 40000, list(range(20000))]
for proto in range(6):
    s = pickle.dumps(blobs, proto)
    print(proto, len(s), digest(s), s == pickle._dumps(blobs, proto), pickle.loads(s) == blobs)

# sizes around a piece's end, each a different cut of the last frame
for n in (6500, 6553, 6554, 6555, 6560, 13107, 13110):
    items = [i % 251 for i in range(n)] + ["tail"] * (n % 7)
    for proto in (0, 2, 4, 5):
        s = pickle.dumps(items, proto)
        assert s == pickle._dumps(items, proto), (n, proto)
        assert pickle.loads(s) == items
    print(n, len(pickle.dumps(items, 0)), len(pickle.dumps(items, 5)))

# a Pickler writing to a file still writes frame by frame
import io
f = io.BytesIO()
pickle.Pickler(f, 5).dump(data)
print(len(f.getvalue()), f.getvalue() == pickle.dumps(data, 5))
