#!/usr/bin/env python3.11
"""cjk_gen.py — the tables of pvm's CJK codecs, asked of python3.11's own.

  python3.11 modules/cjk_gen.py > $(BUILD)/gen/cjk_tables.inc
  python3.11 modules/cjk_gen.py iso2022 > $(BUILD)/gen/cjk_iso2022.inc

Nothing here knows a character set: every table is what python3.11's
codecs answer when asked about each byte sequence and each code point, so
pvm's decoders and encoders give byte for byte what CPython's give,
errors included.  The file is generated at build time (the Makefile runs
this with $(PYTHON), a build dependency already) and not committed: the
tables are about a megabyte of C, the generator a few kilobytes.

Decoding is a trie over bytes, which is how CPython's decoders behave:
at a node (the bytes read so far), `need` is how many bytes the sequence
must have before the codec looks further (fewer left in the input:
"incomplete multibyte sequence", the rest of the input), then the next
byte selects an entry:

    CHAR cp      the sequence is one character
    PAIR i       two characters (JIS X 0213 and HKSCS's combining pairs)
    ILLEGAL k    "illegal multibyte sequence" over k bytes
    NODE i       read on at node i

EUC-KR's make-up sequences (KS X 1001:1998 annex 3) spell a Hangul
syllable outside the table as A4 D4 then three jamo, each A4 xx: a node
whose `kind` is MAKEUP reads those eight bytes, the jamo by the table
`makeup` (byte -> index of the initial, medial and final consonant), and
the encoder writes any syllable the table lacks that way.

GB18030's four-byte sequences are numbered (b1 b2 b3 b4 from 81 30 81 30)
and map by runs of consecutive numbers to consecutive code points: a node
whose `kind` is GB4 reads its last two bytes that way.

Encoding is the trie inverted (the first sequence in byte order that
decodes to a character encodes it) plus the exceptions python3.11 makes:
the table's `fix` list gives each code point whose encoding differs (one-
way mappings, duplicates, characters that decode but never encode).
A code point that starts a pair (the `pairs` list) waits for the next
character, as CPython's JIS X 0213 and HKSCS encoders do.

The generator checks its trie against python3.11 on every one- and
two-byte input (and every three-byte one below a three-byte node) before
writing it.
"""
import codecs
import sys

assert sys.version_info[:2] == (3, 11), "run with python3.11"

# (module, codec names) in the order CPython's _codecs_* modules list them.
MODULES = [
    ("jp", ["shift_jis", "cp932", "euc_jp", "shift_jis_2004", "euc_jis_2004",
            "euc_jisx0213", "shift_jisx0213"]),
    ("cn", ["gb2312", "gbk", "gb18030"]),
    ("kr", ["euc_kr", "cp949", "johab"]),
    ("tw", ["big5", "cp950"]),
    ("hk", ["big5hkscs"]),
]

CHAR, ILLEGAL, NODE, PAIR = 0, 1, 2, 3
PLAIN, GB4, MAKEUP = 0, 1, 2        # node kinds


def probe(name, data):
    """('ok', text) or ('err', start, end, reason)."""
    try:
        return ("ok", data.decode(name))
    except UnicodeDecodeError as e:
        return ("err", e.start, e.end, e.reason)


def is_incomplete(r):
    return r[0] == "err" and r[3] == "incomplete multibyte sequence"


class Trie:
    def __init__(self, name):
        self.name = name
        self.nodes = []         # [prefix, need, kind, entries(256)]
        self.pairs = []
        self.build(b"", 1)

    def need_of(self, prefix):
        for total in range(len(prefix) + 1, 6):
            if not is_incomplete(probe(self.name, prefix + b"\0" * (total - len(prefix)))):
                return total
        raise AssertionError((self.name, prefix))

    def leaf(self, out):
        if len(out) == 1:
            return (CHAR, ord(out))
        assert len(out) == 2, (self.name, out)
        pair = (ord(out[0]), ord(out[1]))
        if pair not in self.pairs:
            self.pairs.append(pair)
        return (PAIR, self.pairs.index(pair))

    def build(self, prefix, need, kind=PLAIN):
        index = len(self.nodes)
        node = [prefix, need, kind, None]
        self.nodes.append(node)
        if kind != PLAIN:
            return index
        m = len(prefix)
        entries = []
        for x in range(256):
            q = prefix + bytes([x])
            if need == m + 1:
                r = probe(self.name, q)
            else:               # decide by what follows: the node already needs more
                r = self.lookahead(q, need)
            if r[0] == "ok":
                entries.append(self.leaf(r[1]))
            elif is_incomplete(r):
                if self.name == "gb18030" and m == 1 and 0x30 <= x <= 0x39:
                    entries.append((NODE, self.build(q, 4, GB4)))
                elif self.name == "euc_kr" and q == b"\xa4\xd4":
                    entries.append((NODE, self.build(q, 8, MAKEUP)))
                else:
                    entries.append((NODE, self.build(q, max(need, self.need_of(q)))))
            else:
                assert r[1] == 0, (self.name, q, r)
                entries.append((ILLEGAL, r[2]))
        node[3] = entries
        return index

    def lookahead(self, q, need):
        """The result for q at a node that needs `need` bytes: incomplete
        if some continuation makes q one character."""
        fill = b"\0" * (need - len(q) - 1)
        for y in range(256):
            r = probe(self.name, q + bytes([y]) + fill)
            if r[0] == "ok" and len(r[1]) - len(fill) in (1, 2) and (
                    not fill or r[1].endswith("\0" * len(fill))):
                return ("err", 0, len(q), "incomplete multibyte sequence")
        return probe(self.name, q + b"\0" + fill)

    # What the C decoder does, to check the trie against python3.11.
    def decode(self, data):
        out, i = [], 0
        while i < len(data):
            node, j = 0, i
            while True:
                prefix, need, kind, entries = self.nodes[node]
                if len(data) - i < need:
                    return ("err", i, len(data), "incomplete multibyte sequence")
                if kind == MAKEUP:
                    cp = makeup_char(data[i:i + 8])
                    if cp is None:
                        return ("err", i, i + 1, "illegal multibyte sequence")
                    out.append(chr(cp))
                    i += 8
                    break
                if kind == GB4:
                    cp = self.gb4_char(data[i:i + 4])
                    if cp is None:
                        return ("err", i, i + 1, "illegal multibyte sequence")
                    out.append(chr(cp))
                    i += 4
                    break
                kind, v = entries[data[j]]
                j += 1
                if kind == NODE:
                    node = v
                    continue
                if kind == ILLEGAL:
                    return ("err", i, i + v, "illegal multibyte sequence")
                out.append(chr(v) if kind == CHAR else chr(self.pairs[v][0]) + chr(self.pairs[v][1]))
                i = j
                break
        return ("ok", "".join(out))

    def check(self):
        for a in range(256):
            for tail in [b""] + [bytes([b]) for b in range(256)]:
                data = bytes([a]) + tail
                assert self.decode(data) == probe(self.name, data), (self.name, data)
        for prefix, need, kind, entries in self.nodes:
            if len(prefix) == 2 and kind == PLAIN:
                for b in range(256):
                    data = prefix + bytes([b])
                    assert self.decode(data) == probe(self.name, data), (self.name, data)


# ---- GB18030's four-byte sequences ------------------------------------------

def gb4_number(seq):
    b1, b2, b3, b4 = seq
    return (((b1 - 0x81) * 10 + b2 - 0x30) * 126 + b3 - 0x81) * 10 + b4 - 0x30


def gb4_bytes(n):
    n, b4 = divmod(n, 10)
    n, b3 = divmod(n, 126)
    b1, b2 = divmod(n, 10)
    return bytes([b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30])


def gb4_runs():
    """[(first number, first code point, length)] of the valid sequences."""
    runs = []
    for n in range(126 * 10 * 126 * 10):
        r = probe("gb18030", gb4_bytes(n))
        if r[0] != "ok":
            continue
        assert len(r[1]) == 1
        cp = ord(r[1])
        if runs and runs[-1][0] + runs[-1][2] == n and runs[-1][1] + runs[-1][2] == cp:
            runs[-1][2] += 1
        else:
            runs.append([n, cp, 1])
    return runs


def make_gb4_char(runs):
    def gb4_char(seq):
        b1, b2, b3, b4 = seq
        if not (0x81 <= b3 <= 0xFE and 0x30 <= b4 <= 0x39):
            return None
        n = gb4_number(seq)
        for first, cp, length in runs:
            if first <= n < first + length:
                return cp + n - first
        return None
    return gb4_char


# ---- EUC-KR's make-up sequences ----------------------------------------------

def makeup_tables():
    """For the initial, medial and final jamo: {byte: index}."""
    base = [0xA1, 0xBF, 0xD4]
    tables = []
    for pos in range(3):
        table = {}
        for x in range(256):
            jamo = base[:]
            jamo[pos] = x
            seq = bytes([0xA4, 0xD4, 0xA4, jamo[0], 0xA4, jamo[1], 0xA4, jamo[2]])
            r = probe("euc_kr", seq)
            if r[0] == "ok":
                n = ord(r[1]) - 0xAC00
                table[x] = [n // 588, n // 28 % 21, n % 28][pos]
        tables.append(table)
    return tables


MAKEUP_TABLES = makeup_tables()


def makeup_char(seq):
    if seq[2] != 0xA4 or seq[4] != 0xA4 or seq[6] != 0xA4:
        return None
    idx = [MAKEUP_TABLES[k].get(seq[3 + 2 * k]) for k in range(3)]
    if None in idx:
        return None
    return 0xAC00 + (idx[0] * 21 + idx[1]) * 28 + idx[2]


def makeup_bytes(cp):
    n = cp - 0xAC00
    idx = [n // 588, n // 28 % 21, n % 28]
    jamo = [next(b for b, i in MAKEUP_TABLES[k].items() if i == idx[k]) for k in range(3)]
    return bytes([0xA4, 0xD4, 0xA4, jamo[0], 0xA4, jamo[1], 0xA4, jamo[2]])


# ---- Encoding --------------------------------------------------------------

def sequences(trie, node=0, prefix=b""):
    """(bytes, kind, value) of every leaf, in byte order."""
    for x, (kind, v) in enumerate(trie.nodes[node][3] or []):
        if kind == NODE:
            yield from sequences(trie, v, prefix + bytes([x]))
        elif kind in (CHAR, PAIR):
            yield prefix + bytes([x]), kind, v


def encoder_fixes(trie, name):
    naive = {}
    for seq, kind, v in sequences(trie):
        if kind == CHAR and v not in naive:
            naive[v] = seq
    fixes = []
    top = 0x30000 if any(cp > 0xFFFF for cp in naive) else 0x10000
    for cp in range(top):
        if 0xD800 <= cp < 0xE000:
            continue
        try:
            real = chr(cp).encode(name)
        except UnicodeEncodeError:
            real = None
        if name == "gb18030" and real is not None and len(real) == 4 and cp not in naive:
            continue            # the runs encode it
        if name == "euc_kr" and real is not None and len(real) == 8 and cp not in naive:
            assert real == makeup_bytes(cp)
            continue            # the make-up sequence encodes it
        if naive.get(cp) != real:
            fixes.append((cp, real or b""))
    for a, b in trie.pairs:
        assert (chr(a) + chr(b)).encode(name) == next(
            s for s, k, v in sequences(trie) if k == PAIR and trie.pairs[v] == (a, b)), name
    return fixes


# ---- Output -----------------------------------------------------------------

def c_array(ctype, name, values, per_line=16):
    print(f"static const {ctype} {name}[] CJK_TABLE = {{")
    values = list(values)
    for i in range(0, len(values), per_line):
        print("    " + ", ".join(str(v) for v in values[i:i + per_line]) + ",")
    if not values:
        print("    0")
    print("};")


def emit(name, trie, fixes, runs):
    ident = name
    entries, nodes = [], []
    for prefix, need, kind, ents in trie.nodes:
        if kind != PLAIN:
            nodes.append((1, 0, need, 1, kind, 0))
            continue
        illegal = [v for k, v in ents if k == ILLEGAL]
        dflt = max(set(illegal), key=illegal.count) if illegal else 1
        used = [x for x, e in enumerate(ents) if e != (ILLEGAL, dflt)]
        lo, hi = (used[0], used[-1]) if used else (1, 0)
        nodes.append((lo, hi, need, dflt, 0, len(entries)))
        entries.extend((k << 30) | v for k, v in ents[lo:hi + 1])
    c_array("uint32_t", f"{ident}_entries", entries)
    print(f"static const CjkNode {ident}_nodes[] = {{")
    for n in nodes:
        print("    { %d, %d, %d, %d, %d, %d }," % n)
    print("};")
    c_array("uint32_t", f"{ident}_pairs", [v for p in trie.pairs for v in p])
    packed = []
    for cp, seq in fixes:
        assert len(seq) <= 3, (name, cp, seq)
        packed += [cp, len(seq), int.from_bytes(seq, "big") if seq else 0]
    c_array("uint32_t", f"{ident}_fixes", packed, 12)
    c_array("uint32_t", f"{ident}_runs", [v for r in runs for v in r], 12)
    if name == "euc_kr":    # byte -> 1 + index, per jamo
        c_array("uint8_t", "makeup_jamo",
                [MAKEUP_TABLES[k].get(x, -1) + 1 for k in range(3) for x in range(256)], 32)
    print(f"static const CjkTable {ident}_table = {{ {ident}_entries, {ident}_nodes, "
          f"{ident}_pairs, {len(trie.pairs)}, {ident}_fixes, {len(fixes)}, "
          f"{ident}_runs, {len(runs)} }};")


# ---- ISO-2022 ----------------------------------------------------------------
# The character sets by the mark CPython keeps in the state: the final byte
# of the designation, with 0x80 for the two-byte sets.

ISO2022 = ["iso2022_kr", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004",
           "iso2022_jp_3", "iso2022_jp_ext"]
SBCS_MARKS = [ord(c) for c in "JI"]
DBCS_MARKS = [ord(c) | 0x80 for c in "B@DACOPQ"]
ESC = b"\x1b"


def designation(mark):
    return ESC + (b"$(" if mark & 0x80 else b"(") + bytes([mark & 0x7F])


def iso_table(name, mark):
    """The set's entries (CHAR, PAIR or 0 for unmapped): 96 bytes from 0x20,
    or 94 x 94 pairs from 0x21 0x21; None if the codec refuses the set."""
    if probe(name, designation(mark))[0] != "ok":
        return None
    width = 2 if mark & 0x80 else 1
    codes = ([bytes([a, b]) for a in range(0x21, 0x7F) for b in range(0x21, 0x7F)]
             if width == 2 else [bytes([a]) for a in range(0x20, 0x80)])
    entries, pairs = [], []
    for code in codes:
        r = probe(name, designation(mark) + code)
        if r[0] == "ok":
            if len(r[1]) == 1:
                entries.append(ord(r[1]))
            else:
                pairs.append((ord(r[1][0]), ord(r[1][1])))
                entries.append(PAIR << 30 | len(pairs) - 1)
        else:
            assert r[1:] == (len(designation(mark)), len(designation(mark)) + width,
                             "illegal multibyte sequence"), (name, mark, code, r)
            entries.append(0)
    return entries, pairs


def iso_parse(name, out):
    """(mark, code) of one character's encoding, alone after ASCII."""
    if name == "iso2022_kr":
        assert out.startswith(b"\x1b$)C\x0e") and out.endswith(b"\x0f"), out
        return 0xC3, int.from_bytes(out[5:-1], "big"), len(out) - 6
    assert out.endswith(ESC + b"(B"), out
    body = out[:-3]
    if body.startswith(ESC + b"$("):
        mark, code = body[3] | 0x80, body[4:]
    elif body.startswith(ESC + b"$"):
        mark, code = body[2] | 0x80, body[3:]
    else:
        assert body.startswith(ESC + b"("), out
        mark, code = body[2], body[3:]
    return mark, int.from_bytes(code, "big"), len(code)


def iso_codec(name, tables):
    """Emit one ISO-2022 codec: the sets it takes, its encoding map."""
    sets = []
    for mark in SBCS_MARKS + DBCS_MARKS:
        t = iso_table(name, mark)
        if t is None:
            continue
        key = repr(t)
        if key not in tables:
            tables[key] = len(tables)
            c_array("uint32_t", f"iso_set{tables[key]}", t[0])
            c_array("uint32_t", f"iso_set{tables[key]}_pairs", [v for p in t[1] for v in p])
        sets.append((mark, tables[key]))
    print(f"static const IsoSet {name}_sets[] = {{")
    for mark, k in sets:
        print(f"    {{ {mark}, iso_set{k}, iso_set{k}_pairs }},")
    print("    { 0 }\n};")
    top = 0x30000 if any(m in (0xCF, 0xD0, 0xD1) for m, k in sets) else 0x10000
    cps, codes = [], []
    for cp in range(0x80, top):
        if 0xD800 <= cp < 0xE000:
            continue
        try:
            out = chr(cp).encode(name)
        except UnicodeEncodeError:
            continue
        mark, code, width = iso_parse(name, out)
        assert width == (2 if mark & 0x80 else 1)
        cps.append(cp)
        codes.append(mark << 16 | code)
    for c in range(0x80):
        assert chr(c).encode(name) == bytes([c])
    c_array("uint32_t", f"{name}_enc_cps", cps)
    c_array("uint32_t", f"{name}_enc_codes", codes)
    for a, b in Trie.jis_pairs:  # the encoders combine no pair: each character alone
        try:
            out = (chr(a) + chr(b)).encode(name)
        except UnicodeEncodeError:
            continue
        assert iso_parse(name, out)[2] != 2, (name, a, b)
    print(f"static const IsoConfig {name}_config = {{ {name}_sets, {name}_enc_cps, "
          f"{name}_enc_codes, {len(cps)} }};")


def main_iso2022():
    print("/* cjk_iso2022.inc — generated by modules/cjk_gen.py from python3.11; do not edit. */")
    trie = Trie("euc_jis_2004")
    Trie.jis_pairs = trie.pairs
    # JIS X 0213's combining pairs, (first, second, code without the high
    # bits): 3.12's iso2022_jp_2004 and _3 encode them (3.11's do not).
    pairs = []
    for seq, kind, v in sequences(trie):
        if kind == PAIR:
            assert len(seq) == 2
            pairs += [*trie.pairs[v], int.from_bytes(seq, "big") & 0x7F7F]
    c_array("uint32_t", "jisx0213_pairs", pairs, 12)
    g2 = []                     # ISO-8859-7 in G2 (ESC . F, then ESC N x)
    for x in range(0x80):
        r = probe("iso2022_jp_2", ESC + b".F" + ESC + b"N" + bytes([x]))
        g2.append(ord(r[1]) if r[0] == "ok" else 0)
    c_array("uint32_t", "iso8859_7_g2", g2)
    tables = {}
    for name in ISO2022:
        iso_codec(name, tables)
    print("#define CJK_MODULE_iso2022(X) " + " ".join(f"X({n})" for n in ISO2022))


def main():
    print("/* cjk_tables.inc — generated by modules/cjk_gen.py from python3.11; do not edit. */")
    runs = gb4_runs()
    for module, names in MODULES:
        for name in names:
            trie = Trie(name)
            trie.gb4_char = make_gb4_char(runs)
            trie.check()
            emit(name, trie, encoder_fixes(trie, name), runs if name == "gb18030" else [])
    for module, names in MODULES:
        print(f"#define CJK_MODULE_{module}(X) " + " ".join(f"X({n})" for n in names))


if sys.argv[1:] == ["iso2022"]:
    main_iso2022()
else:
    main()
