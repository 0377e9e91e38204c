# bytes.hex and bytearray.hex with a separator and bytes_per_sep (positive, negative, larger than the data); TypeError and ValueError messages
b = bytes(range(1, 8))
for args in [(), ("-",), (":", 1), (":", 2), (":", -2), (b"_", 3), ("|", -3), (":", 0), (":", 7), (":", -8), ()]:
    print(args, b.hex(*args), bytearray(b).hex(*args), b"".hex(*args), b"\xff".hex(*args))
print(b.hex(sep=".", bytes_per_sep=4), b.hex(bytes_per_sep=4))
for bad in [("ab",), ("é",), (1,), (":", "x"), (b"\xff",)]:
    try: b.hex(*bad)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
