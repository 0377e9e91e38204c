"""unicodedata_gen.py -- write modules/unicodedata_db.h from python3.11's own
unicodedata module (Unicode 14.0.0, and its ucd_3_2_0 view).

    /usr/bin/python3.11 modules/unicodedata_gen.py > modules/unicodedata_db.h

pvm's unicodedata (unicodedata.c) answers from these tables rather than from
utf8proc, whose Unicode version (15.0 on Debian 12) is not CPython 3.11's:
a character added in 15.0 must stay unassigned, as it is in CPython.  Every
value is what python3.11 returns, so the two cannot disagree.

What the header holds:
  - records: the distinct (category, bidirectional, combining, mirrored,
    east_asian_width, decimal, digit, numeric) tuples, and for each code
    point the index of its record through a two-level table;
  - decompositions: tag and code points, for decomposition() and the
    normalizer, again through a two-level table;
  - compositions: the (first, second) -> composite pairs NFC may join;
  - names: each word once, a name as the indices of its words; names of
    the form PREFIX-<hex code point> (CJK UNIFIED IDEOGRAPH-4E00 ...) as
    ranges; Hangul syllables are computed (unicodedata.c);
  - aliases and named sequences lookup() accepts: the candidates are read
    from Perl's copy of the UCD (/usr/share/perl/*/unicore/Name.pl, also
    Unicode 14.0) and kept only if python3.11's lookup() agrees;
  - ucd_3_2_0: ranges of code points whose Unicode 3.2 record differs.

Later versions (3.12's Unicode 15.0.0, 3.13's 15.1.0, 3.14's 16.0.0) are
deltas against 14.0.0, taken from each python's own unicodedata by
unicodedata_dump.py (run here, or its JSON output given):

    /usr/bin/python3.11 modules/unicodedata_gen.py PY312 PY313 PY314 > modules/unicodedata_db.h

(PY314: tools/python314/python3.14, pyodide in node; each argument an
interpreter or a JSON file the dump wrote).  A version's delta holds the
ranges of code points whose record differs from 14.0.0's, the
decompositions and names 14.0.0 lacks, its PREFIX-<hex> name ranges and
its ucd_3_2_0 ranges in full, and the compositions it adds; the records,
words and decompositions it needs are appended to the shared tables.
"""
import glob
import os
import sys
import unicodedata as U

assert sys.version_info[:2] == (3, 11), "run with python3.11"
N = 0x110000
SHIFT = 7

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp",
              "Cc", "Cf", "Cs", "Co", "Cn", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf",
              "Po", "Sm", "Sc", "Sk", "So"]
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS",
        "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]
TAGS = ["", "<font>", "<noBreak>", "<initial>", "<medial>", "<final>", "<isolated>",
        "<circle>", "<super>", "<sub>", "<vertical>", "<wide>", "<narrow>", "<small>",
        "<square>", "<fraction>", "<compat>"]


def record(db, c):
    return (CATEGORIES.index(db.category(c)), BIDI.index(db.bidirectional(c)),
            db.combining(c), db.mirrored(c), EAW.index(db.east_asian_width(c)),
            db.decimal(c, -1), db.digit(c, -1), db.numeric(c, None))


def two_level(values, name, ctype):
    """index1[cp >> SHIFT] * BLOCK + (cp & MASK) indexes <name>_index2."""
    blocks, index1, index2 = {}, [], []
    size = 1 << SHIFT
    for start in range(0, N, size):
        block = tuple(values[start:start + size])
        if block not in blocks:
            blocks[block] = len(blocks)
            index2.extend(block)
        index1.append(blocks[block])
    itype = "uint8_t" if len(blocks) < 256 else "uint16_t"
    emit_array(f"static const {itype} {name}_index1[]", index1)
    emit_array(f"static const {ctype} {name}_index2[]", index2)


def emit_array(decl, items, per_line=16):
    out.append(decl + " = {")
    for i in range(0, len(items), per_line):
        out.append("    " + ", ".join(str(x) for x in items[i:i + per_line]) + ",")
    out.append("};")


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


out = []
chars = [chr(cp) for cp in range(N)]


def alias_candidates():
    """(name, sequence) pairs of Perl's copy of the UCD that are not a name()."""
    found = []
    for path in glob.glob("/usr/share/perl/*/unicore/Name.pl"):
        lines = open(path, encoding="ascii").read().split("\n")
        for i in range(len(lines) - 1):
            cps, n = lines[i], lines[i + 1]
            try:
                seq = "".join(chr(int(x, 16)) for x in cps.split())
            except ValueError:
                continue
            if not seq or not n or not n[0].isalpha():
                continue
            if len(seq) == 1 and U.name(seq, None) == n:
                continue
            found.append((n, seq))
        break
    return found


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import unicodedata_dump  # noqa: E402

dumps = unicodedata_dump.load(sys.argv[1:], [n for n, _ in alias_candidates()])

# ---- records ------------------------------------------------------------------
records, rec_of = {}, []
numerics = []
for c in chars:
    r = record(U, c)
    if r not in records:
        records[r] = len(records)
    rec_of.append(records[r])
# records of ucd_3_2_0 (appended: the 3.2 delta points into the same table)
old_ranges = []
for cp, c in enumerate(chars):
    r = record(U.ucd_3_2_0, c)
    if r == record(U, c):
        continue
    if r not in records:
        records[r] = len(records)
    idx = records[r]
    if old_ranges and old_ranges[-1][1] == cp - 1 and old_ranges[-1][2] == idx:
        old_ranges[-1][1] = cp
    else:
        old_ranges.append([cp, cp, idx])
    assert U.ucd_3_2_0.name(c, None) == (None if r[0] in (0, 17) else U.name(c, None)), hex(cp)
    assert U.ucd_3_2_0.decomposition(c) in ("", U.decomposition(c)), hex(cp)


# the later versions' records: ranges of code points whose record is not 14.0.0's
def dumped_record(r):
    return (CATEGORIES.index(r[0]), BIDI.index(r[1]), r[2], r[3], EAW.index(r[4]), r[5], r[6],
            None if r[7] is None else float.fromhex(r[7]))


def record_index(r):
    if r not in records:
        records[r] = len(records)
    return records[r]


def add_range(ranges_, cp, value):
    if ranges_ and ranges_[-1][1] == cp - 1 and ranges_[-1][2] == value:
        ranges_[-1][1] = cp
    else:
        ranges_.append([cp, cp, value])


for d in dumps:
    ucd = {int(cp): v for cp, v in d["ucd"].items()}
    d["ucd"] = ucd
    d["records"], d["old_ranges"] = [], []
    for cp, c in enumerate(chars):
        r = dumped_record(ucd[cp][0] if cp in ucd else d["blank"])
        if r != record(U, c):
            add_range(d["records"], cp, record_index(r))
    for cp, r in sorted((int(cp), r) for cp, r in d["old"].items()):
        add_range(d["old_ranges"], cp, record_index(dumped_record(r)))

for r in records:
    if r[7] is not None and r[7] not in numerics:
        numerics.append(r[7])

out.append("/* Generated by modules/unicodedata_gen.py from python3.11's unicodedata")
out.append(" * (Unicode %s) and the deltas of %s: do not edit. */"
           % (U.unidata_version, ", ".join(d["version"] for d in dumps)))
out.append('#define UD_VERSION "%s"' % U.unidata_version)
out.append("#define UD_SHIFT %d" % SHIFT)
out.append("static const char *const ud_categories[] = {%s};"
           % ", ".join(c_string(x) for x in CATEGORIES))
out.append("static const char *const ud_bidi[] = {%s};" % ", ".join(c_string(x) for x in BIDI))
out.append("static const char *const ud_eaw[] = {%s};" % ", ".join(c_string(x) for x in EAW))
out.append("static const char *const ud_tags[] = {%s};" % ", ".join(c_string(x) for x in TAGS))
emit_array("static const double ud_numerics[]", [float.hex(x) for x in numerics], 4)
out.append("static const UdRecord ud_records[] = {")
for r in records:
    num = -1 if r[7] is None else numerics.index(r[7])
    out.append("    {%d, %d, %d, %d, %d, %d, %d, %d}," % (r[0], r[1], r[2], r[3], r[4], r[5], r[6], num))
out.append("};")
two_level(rec_of, "ud_record", "uint16_t")

# ---- decompositions and compositions ------------------------------------------
decomp_data, decomp_of, seen = [0], [], {}
for c in chars:
    d = U.decomposition(c)
    if not d:
        decomp_of.append(0)
        continue
    parts = d.split()
    tag = TAGS.index(parts[0]) if parts[0].startswith("<") else 0
    cps = [int(p, 16) for p in parts[1 if tag else 0:]]
    key = (tag, tuple(cps))
    if key not in seen:
        seen[key] = len(decomp_data)
        decomp_data.append(tag << 8 | len(cps))
        decomp_data.extend(cps)
    decomp_of.append(seen[key])


def decomp_index(d):
    if not d:
        return 0
    parts = d.split()
    tag = TAGS.index(parts[0]) if parts[0].startswith("<") else 0
    cps = [int(p, 16) for p in parts[1 if tag else 0:]]
    key = (tag, tuple(cps))
    if key not in seen:
        seen[key] = len(decomp_data)
        decomp_data.append(tag << 8 | len(cps))
        decomp_data.extend(cps)
    return seen[key]


for d in dumps:
    d["decomps"] = [(cp, decomp_index(v[1])) for cp, v in sorted(d["ucd"].items())
                    if v[1] != U.decomposition(chars[cp])]
assert len(decomp_data) < 65536
emit_array("static const uint32_t ud_decomp_data[]", decomp_data)
two_level(decomp_of, "ud_decomp", "uint16_t")

pairs = []
for cp, c in enumerate(chars):
    d = U.decomposition(c).split()
    if len(d) == 2 and not d[0].startswith("<"):
        a, b = int(d[0], 16), int(d[1], 16)
        if U.normalize("NFC", chr(a) + chr(b)) == c:
            pairs.append((a, b, cp))
for d in dumps:
    d["pairs"] = sorted(set(map(tuple, d["composes"])) - set(pairs))
    assert set(pairs) <= set(map(tuple, d["composes"])), d["version"]
pairs.sort()
out.append("static const uint32_t ud_compositions[][3] = {")
for p in pairs:
    out.append("    {0x%X, 0x%X, 0x%X}," % p)
out.append("};")

# ---- names --------------------------------------------------------------------
ranges, named = [], []
for cp, c in enumerate(chars):
    n = U.name(c, None)
    if n is None or 0xAC00 <= cp <= 0xD7A3:
        continue
    h = "%04X" % cp
    if n.endswith("-" + h):
        prefix = n[:-len(h)]
        if ranges and ranges[-1][2] == prefix and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp, prefix])
        continue
    named.append((cp, n))

for d in dumps:
    d["named"], d["name_ranges"] = [], []
    for cp, v in sorted(d["ucd"].items()):
        if isinstance(v[2], list):
            add_range(d["name_ranges"], cp, v[2][0])
        elif v[2] is not None and not 0xAC00 <= cp <= 0xD7A3 and v[2] != U.name(chars[cp], None):
            assert U.name(chars[cp], None) is None, hex(cp)
            d["named"].append((cp, v[2]))

# aliases and named sequences: lookup() only
extra = []
for n, seq in alias_candidates():
    try:
        if U.lookup(n) == seq and (n, seq) not in extra:
            extra.append((n, seq))
    except KeyError:
        pass
for d in dumps:
    assert {n: [ord(x) for x in seq] for n, seq in extra} == d["aliases"], d["version"]

words = {}
for _, n in named + [(0, n) for n, _ in extra] + [x for d in dumps for x in d["named"]]:
    for w in n.split(" "):
        words[w] = words.get(w, 0) + 1
order = sorted(words, key=lambda w: (-words[w], w))
assert len(order) < 0x8000
word_index = {w: i for i, w in enumerate(order)}
blob, word_offsets = [], []
for w in order:
    word_offsets.append(len(blob))
    blob.append(w)
word_offsets.append(len("".join(blob)))
# offsets are cumulative character counts
offs, pos = [], 0
for w in order:
    offs.append(pos)
    pos += len(w)
offs.append(pos)
out.append("static const char ud_words[] =")
text = "".join(order)
for i in range(0, len(text), 100):
    out.append("    " + c_string(text[i:i + 100]))
out.append(";")
emit_array("static const uint32_t ud_word_offsets[]", offs)


def encode(n):
    code = []
    for w in n.split(" "):
        i = word_index[w]
        code.extend([i] if i < 0x80 else [0x80 | i >> 8, i & 0xFF])
    return [len(code)] + code


name_data, name_cps, name_offsets = [], [], []
for cp, n in named:
    name_cps.append(cp)
    name_offsets.append(len(name_data))
    name_data.extend(encode(n))
for d in dumps:
    d["name_offsets"] = []
    for cp, n in d["named"]:
        d["name_offsets"].append((cp, len(name_data)))
        name_data.extend(encode(n))
emit_array("static const uint8_t ud_name_data[]", name_data, 24)
emit_array("static const uint32_t ud_name_cps[]", ["0x%X" % cp for cp in name_cps], 10)
emit_array("static const uint32_t ud_name_offsets[]", name_offsets, 12)


def emit_name_ranges(name, ranges_):
    out.append("static const UdNameRange %s[] = {" % name)
    for first, last, prefix in ranges_:
        out.append("    {0x%X, 0x%X, %s}," % (first, last, c_string(prefix)))
    out.append("};")


emit_name_ranges("ud_name_ranges", ranges)

extra_data = []
assert all(len(seq) <= 4 for _, seq in extra)
out.append("static const struct { uint32_t offset, n, cps[4]; } ud_aliases[] = {")
for n, seq in extra:
    off = len(extra_data)
    extra_data.extend(encode(n))
    out.append("    {%d, %d, {%s}}," % (off, len(seq), ", ".join("0x%X" % ord(x) for x in seq)))
out.append("};")
emit_array("static const uint8_t ud_alias_data[]", extra_data or [0], 24)

# ---- ucd_3_2_0 ------------------------------------------------------------------


def emit_ranges(name, ranges_):
    out.append("static const UdRange %s[] = {" % name)
    for first, last, idx in ranges_:
        out.append("    {0x%X, 0x%X, %d}," % (first, last, idx))
    out.append("};")


emit_ranges("ud_old_ranges", old_ranges)

# Unicode 3.2's own decompositions of the characters corrected since
# (NormalizationCorrections.txt): the normalizer of ucd_3_2_0 uses them.
out.append("static const uint32_t ud_old_corrections[][2] = {")
for cp, c in enumerate(chars):
    if U.decomposition(c) and U.ucd_3_2_0.category(c) != "Cn":
        old = U.ucd_3_2_0.normalize("NFD", c)
        if old != U.normalize("NFD", c):
            assert len(old) == 1, hex(cp)
            out.append("    {0x%X, 0x%X}," % (cp, ord(old)))
out.append("};")

# ---- the later versions ---------------------------------------------------------


def emit_cp_indices(name, pairs_):
    out.append("static const UdCpIndex %s[] = {" % name)
    for i in range(0, len(pairs_), 6):
        out.append("    " + " ".join("{0x%X, %d}," % p for p in pairs_[i:i + 6]))
    out.append("    {0, 0},")   # never empty
    out.append("};")


versions = ["{UD_VERSION, NULL, 0, NULL, 0, NULL, 0, ud_name_ranges, COUNT(ud_name_ranges),"
            " NULL, 0, ud_old_ranges, COUNT(ud_old_ranges)},"]
for d in dumps:
    v = "_" + d["version"].replace(".", "_")
    emit_ranges("ud_records" + v, d["records"])
    emit_cp_indices("ud_decomps" + v, d["decomps"])
    emit_cp_indices("ud_names" + v, d["name_offsets"])
    emit_name_ranges("ud_name_ranges" + v, d["name_ranges"])
    out.append("static const uint32_t ud_compositions%s[][3] = {" % v)
    out.extend("    {0x%X, 0x%X, 0x%X}," % p for p in d["pairs"] + [(0, 0, 0)])
    out.append("};")
    emit_ranges("ud_old_ranges" + v, d["old_ranges"])
    versions.append(('{"%s", ud_records%s, COUNT(ud_records%s), ud_decomps%s, %d, '
                     'ud_names%s, %d, ud_name_ranges%s, COUNT(ud_name_ranges%s), '
                     'ud_compositions%s, %d, ud_old_ranges%s, COUNT(ud_old_ranges%s)},')
                    % (d["version"], v, v, v, len(d["decomps"]), v, len(d["named"]), v, v,
                       v, len(d["pairs"]), v, v))
out.append("/* 14.0.0 (python3.11), then each later version's delta, as UdVersion says. */")
out.append("static const UdVersion ud_versions[] = {")
out.extend("    " + x for x in versions)
out.append("};")

print("\n".join(out))
