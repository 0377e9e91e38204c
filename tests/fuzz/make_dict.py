"""make_dict.py -- write the libFuzzer dictionary for fuzz_pvm.

Usage: python3.X tests/fuzz/make_dict.py OUT

The tokens a .pyc is made of, taken from the python that runs it (never
typed by hand; run_fuzz.sh runs it with each of 3.11 to 3.14 and joins the
files): that version's magic number; every marshal type code, plain and
with FLAG_REF (0x80); and every opcode of that version as a code unit with
a small oparg, plus EXTENDED_ARG prefixes and exception-table start bytes.
Each token's name starts with the version (v3_12_...).
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
        if op > 255:
            continue            # 3.13's pseudo-instructions: never in a .pyc
        for arg in (0, 1, 2):
            out.append(("%s_%d" % (name, arg), bytes([op, arg])))
    out.append(("extended_arg_255", bytes([dis.opmap["EXTENDED_ARG"], 255])))
    out.append(("exc_entry_start", b"\x80"))
    out.append(("exc_entry_more", b"\xc0"))
    with open(sys.argv[1], "w") as f:
        for name, data in out:
            f.write("v%d_%d_%s=%s\n" % (sys.version_info[:2] + (name, quoted(data))))


if __name__ == "__main__":
    main()
