"""unicodedata_dump.py -- what one CPython's Unicode database says, as JSON.

    python3.X modules/unicodedata_dump.py OUT.json [NAMES]

Run by unicodedata_gen.py and runtime/unicode_gen.py under python3.12,
python3.13 and python3.14 (pyodide, tools/python314/python3.14), whose
databases (Unicode 15.0.0, 15.1.0, 16.0.0) pvm stores as deltas against
python3.11's (14.0.0).  It needs nothing but the interpreter, so it runs
under pyodide too.  OUT.json holds:

  version   unicodedata.unidata_version
  blank     the record of an unassigned code point
  ucd       {cp: [record, decomposition, name]} of each code point whose
            record is not that of an unassigned one: record is (category,
            bidirectional, combining, mirrored, east_asian_width, decimal,
            digit, numeric) as unicodedata_gen.record makes it; a name of
            the form PREFIX-<hex code point> is ["PREFIX-"]
  old       {cp: record} of ucd_3_2_0 where it is not the current record
  composes  [first, second, composite] pairs NFC joins
  aliases   {name: sequence} of the candidate names in the file NAMES (one
            a line) that lookup() accepts and name() does not give
  str       {cp: [flags, upper, lower, title, casefold]} of each code point
            above ASCII whose str methods say anything but what they say of
            an unassigned one (flags: FLAGS below, one letter each)
"""
import json
import os
import subprocess
import sys
import tempfile
import unicodedata as U

N = 0x110000
FLAGS = "alpha decimal digit numeric printable space upper lower title idstart idcontinue".split()


def record(db, c):
    return [db.category(c), db.bidirectional(c), db.combining(c), db.mirrored(c),
            db.east_asian_width(c), db.decimal(c, -1), db.digit(c, -1),
            None if db.numeric(c, None) is None else float.hex(db.numeric(c))]


def name(c):
    n = U.name(c, None)
    h = "%04X" % ord(c)
    if n is not None and n.endswith("-" + h) and not 0xAC00 <= ord(c) <= 0xD7A3:
        return [n[:-len(h)]]
    return n


def str_props(c):
    tests = [c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isprintable(),
             c.isspace(), c.isupper(), c.islower(), c.istitle(), c.isidentifier(),
             ("a" + c).isidentifier()]
    flags = "".join(f[0] if t else "-" for f, t in zip(FLAGS, tests))
    return [flags, c.upper(), c.lower(), c.title(), c.casefold()]


def main(out_path, candidates):
    blank = record(U, "\U0010FFFF")
    blank_str = str_props("\U0010FFFF")
    ucd, old, composes, strs = {}, {}, [], {}
    for cp in range(N):
        c = chr(cp)
        r = record(U, c)
        if r != blank:
            ucd[cp] = [r, U.decomposition(c), name(c)]
        o = record(U.ucd_3_2_0, c)
        if o != r:
            old[cp] = o
        d = U.decomposition(c).split()
        if len(d) == 2 and not d[0].startswith("<"):
            a, b = int(d[0], 16), int(d[1], 16)
            if U.normalize("NFC", chr(a) + chr(b)) == c:
                composes.append([a, b, cp])
        if cp >= 0x80 and not 0xD800 <= cp < 0xE000:
            s = str_props(c)
            s[1:] = [[ord(x) for x in m] for m in s[1:]]
            if s[0] != blank_str[0] or s[1:] != [[cp]] * 4:
                strs[cp] = s
    aliases = {}
    for n in candidates:
        try:
            seq = U.lookup(n)
        except KeyError:
            continue
        if len(seq) != 1 or U.name(seq, None) != n:
            aliases[n] = [ord(x) for x in seq]
    with open(out_path, "w") as f:
        json.dump({"version": U.unidata_version, "blank": blank, "ucd": ucd, "old": old,
                   "composes": composes, "aliases": aliases, "str": strs}, f)


def load(args, candidates=()):
    """The dump of each argument: a JSON file this script wrote, or an
    interpreter to run it with (asked about the alias names candidates)."""
    dumps = []
    with tempfile.TemporaryDirectory() as tmp:
        names = os.path.join(tmp, "names")
        with open(names, "w") as f:
            f.write("".join(n + "\n" for n in candidates))
        for i, arg in enumerate(args):
            path = arg
            if not arg.endswith(".json"):
                path = os.path.join(tmp, "%d.json" % i)
                subprocess.run([arg, os.path.abspath(__file__), path, names], check=True)
            with open(path) as f:
                dumps.append(json.load(f))
    return dumps


if __name__ == "__main__":
    names = open(sys.argv[2]).read().split("\n") if len(sys.argv) > 2 else []
    main(sys.argv[1], [n for n in names if n])
