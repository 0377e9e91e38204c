# pickle.dumps and pickle.loads give their pickler's output buffer and memo,
# and their unpickler's memo, back to the heap as they return
# (pickle_save.c's pk_dump, pickle_load.c's pk_load): the bytes and objects
# they return must stay intact while the freed blocks are reused.
import pickle

def make(n, tag):
    shared = ["shared", tag]
    return [{"i": i, "s": "%s-%d" % (tag, i), "f": i / 7, "t": (i, str(i)), "sh": shared,
             "l": [i] * (i % 5), "big": 1 << (64 + i % 3)} for i in range(n)]

kept = []
for round in range(4):
    data = make(3000, "r%d" % round)
    for proto in (0, 2, 5):
        blob = pickle.dumps(data, protocol=proto)
        back = pickle.loads(blob)
        kept.append((proto, blob, back, data))
    junk = [make(200, "junk") for _ in range(20)]   # allocation that reuses the freed blocks
for proto, blob, back, data in kept:
    again = pickle.loads(blob)
    print(proto, len(blob), back == data, again == data, back[5]["sh"] is back[6]["sh"],
          blob == pickle.dumps(data, protocol=proto))
print(kept[-1][2][-1])
