"""make_dict.py -- write the libFuzzer dictionary for fuzz_pvm.

Usage: python3.11 tests/fuzz/make_dict.py OUT

The tokens a .pyc is made of, taken from python3.11 itself (never typed
by hand): the 3.11 magic number; every marshal type code, plain and with
FLAG_REF (0x80); and every 3.11 opcode as a code unit with a small oparg,
plus EXTENDED_ARG prefixes and exception-table start bytes.
"""
import dis
import importlib.util
import sys

MARSHAL_CODES = "0NFS.TiIlfgxyszt)([{<>cuaAzZr"


def quoted(data):
    return '"' + "".join("\\x%02x" % b for b in data) + '"'


def main():
    out = [("magic", importlib.util.MAGIC_NUMBER)]
    for c in sorted(set(MARSHAL_CODES)):
        out.append(("marshal_%02x" % ord(c), bytes([ord(c)])))
        out.append(("marshal_ref_%02x" % ord(c), bytes([ord(c) | 0x80])))
    for name, op in sorted(dis.opmap.items(), key=lambda kv: kv[1]):
        for arg in (0, 1, 2):
            out.append(("%s_%d" % (name, arg), bytes([op, arg])))
    out.append(("extended_arg_255", bytes([dis.opmap["EXTENDED_ARG"], 255])))
    out.append(("exc_entry_start", b"\x80"))
    out.append(("exc_entry_more", b"\xc0"))
    with open(sys.argv[1], "w") as f:
        for name, data in out:
            f.write("%s=%s\n" % (name, quoted(data)))


if __name__ == "__main__":
    main()
