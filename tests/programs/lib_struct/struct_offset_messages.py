# The "requires a buffer of at least N bytes" count past sys.maxsize, and
# the messages of negative offsets.
import struct
import sys

for off in (sys.maxsize, sys.maxsize - 2, 20, -1, -11, -14):
    try:
        struct.pack_into("<I", bytearray(10), off, 1)
    except struct.error as e:
        print("pack_into:", e)
    try:
        struct.unpack_from("<I", bytearray(10), off)
    except struct.error as e:
        print("unpack_from:", e)
