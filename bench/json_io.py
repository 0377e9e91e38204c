# json_io.py — serialising and parsing a ~1 MB JSON document, what web back
# ends and configuration tools spend their time on: build a document of
# nested records (dicts with string keys, lists, ints, floats, booleans,
# None, strings with escapes and non-ASCII text) from a linear congruential
# generator, then json.dumps it compact, indented and with sort_keys and
# ensure_ascii=False, and json.loads each text back.  Measures CPython's
# Lib/json over the interpreter's _json accelerator (scanner and encoder in
# C), not dispatch.
import json

N = 6  # small: 1

NAMES = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta")
TAGS = ("red", "green", "blue", "caf\u00e9", "na\u00efve", "\u65e5\u672c", "tab\there", 'quote"d')


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1664525 + 1013904223) % 4294967296
        return (self.state >> 10) % n


def make_record(rng, i):
    return {
        "id": i,
        "name": NAMES[rng.below(8)] + "-" + str(rng.below(100000)),
        "active": rng.below(2) == 1,
        "score": rng.below(1000000) / 997.0,
        "parent": None if rng.below(3) == 0 else rng.below(i + 1),
        "tags": [TAGS[rng.below(8)] for _ in range(rng.below(5))],
        "point": {"x": rng.below(2000) - 1000, "y": rng.below(2000) / 8.0, "z": -rng.below(50)},
        "note": "line %d\nof \\ text \u2603" % rng.below(1000),
    }


def make_document(rng, n):
    return {"version": 3, "generator": "json_io", "records": [make_record(rng, i) for i in range(n)]}


def checksum(doc):
    total = 0
    for r in doc["records"]:
        total = (total * 31 + r["id"] + len(r["name"]) + len(r["tags"]) + r["point"]["x"]) % 1000000007
    return total


def main():
    doc = make_document(Lcg(42), 4500)
    text = json.dumps(doc)
    print("document", len(text), "characters")
    result = 0
    for _ in range(N):
        compact = json.dumps(doc, separators=(",", ":"))
        pretty = json.dumps(doc, indent=2, sort_keys=True)
        unicode = json.dumps(doc, ensure_ascii=False)
        for t in (text, compact, pretty, unicode):
            back = json.loads(t)
            result = (result + checksum(back)) % 1000000007
        result = (result + len(compact) + len(pretty) + len(unicode)) % 1000000007
    print("round trips equal:", json.loads(compact) == doc, json.loads(pretty) == doc)
    print("checksum", result)


main()
