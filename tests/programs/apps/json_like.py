# a JSON-like serializer and parser written by hand: escapes, nesting, pretty printing, errors with positions
class DecodeError(ValueError):
    def __init__(self, msg, text, pos):
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        super().__init__("%s: line %d column %d (char %d)" % (msg, line, col, pos))
        self.pos = pos
ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
def encode_str(s):
    out = []
    for ch in s:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) > 0x7e:
            cp = ord(ch)
            if cp > 0xFFFF:
                cp -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF)))
            else:
                out.append("\\u%04x" % cp)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
def dumps(v, indent=None, level=0, seen=None):
    seen = set() if seen is None else seen
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError("out of range float: %r" % v)
        return repr(v)
    if isinstance(v, str):
        return encode_str(v)
    if isinstance(v, (list, tuple, dict)):
        if id(v) in seen:
            raise ValueError("circular reference detected")
        seen.add(id(v))
        if isinstance(v, dict):
            items = []
            for k, x in v.items():
                if not isinstance(k, str):
                    k = dumps(k)
                items.append(encode_str(k) + ": " + dumps(x, indent, level + 1, seen))
            open_, close = "{", "}"
        else:
            items = [dumps(x, indent, level + 1, seen) for x in v]
            open_, close = "[", "]"
        seen.discard(id(v))
        if not items:
            return open_ + close
        if indent is None:
            return open_ + ", ".join(items) + close
        pad = " " * (indent * (level + 1))
        return open_ + "\n" + ",\n".join(pad + it for it in items) + "\n" + " " * (indent * level) + close
    raise TypeError("Object of type %s is not JSON serializable" % type(v).__name__)
class Parser:
    def __init__(self, text):
        self.t, self.i = text, 0
    def error(self, msg):
        raise DecodeError(msg, self.t, self.i)
    def ws(self):
        while self.i < len(self.t) and self.t[self.i] in " \t\n\r":
            self.i += 1
    def parse(self):
        v = self.value()
        self.ws()
        if self.i != len(self.t):
            self.error("Extra data")
        return v
    def value(self):
        self.ws()
        if self.i >= len(self.t):
            self.error("Expecting value")
        c = self.t[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.t.startswith(word, self.i):
                self.i += len(word)
                return val
        return self.number()
    def number(self):
        j = self.i
        if j < len(self.t) and self.t[j] == "-":
            j += 1
        while j < len(self.t) and (self.t[j].isdigit() or self.t[j] in ".eE+-"):
            j += 1
        text = self.t[self.i:j]
        if not text or text == "-":
            self.error("Expecting value")
        self.i = j
        if any(c in text for c in ".eE"):
            return float(text)
        return int(text)
    def string(self):
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.t):
                self.error("Unterminated string")
            c = self.t[self.i]
            if c == '"':
                self.i += 1
                return "".join(out)
            if c == "\\":
                e = self.t[self.i + 1:self.i + 2]
                simple = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", '"': '"', "\\": "\\", "/": "/"}
                if e in simple:
                    out.append(simple[e])
                    self.i += 2
                elif e == "u":
                    cp = int(self.t[self.i + 2:self.i + 6], 16)
                    self.i += 6
                    if 0xD800 <= cp < 0xDC00 and self.t.startswith("\\u", self.i):
                        lo = int(self.t[self.i + 2:self.i + 6], 16)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                        self.i += 6
                    out.append(chr(cp))
                else:
                    self.error("Invalid \\escape")
            else:
                out.append(c)
                self.i += 1
    def seq(self, close, item):
        self.i += 1
        self.ws()
        if self.t[self.i:self.i + 1] == close:
            self.i += 1
            return
        while True:
            item()
            self.ws()
            c = self.t[self.i:self.i + 1]
            if c == close:
                self.i += 1
                return
            if c != ",":
                self.error("Expecting ',' delimiter")
            self.i += 1
    def arr(self):
        out = []
        self.seq("]", lambda: out.append(self.value()))
        return out
    def obj(self):
        out = {}
        def item():
            self.ws()
            if self.t[self.i:self.i + 1] != '"':
                self.error("Expecting property name enclosed in double quotes")
            k = self.string()
            self.ws()
            if self.t[self.i:self.i + 1] != ":":
                self.error("Expecting ':' delimiter")
            self.i += 1
            out[k] = self.value()
        self.seq("}", item)
        return out
data = {"name": "pvm", "version": [0, 3, 1], "ok": True, "ratio": 0.125, "none": None,
        "text": "line1\nline2\t\"quoted\" \\ é ☃ \U0001F600", "nested": {"empty": {}, "list": [], "deep": [[1, [2, [3]]]]},
        "big": 2 ** 80, 7: "int key", "neg": -1.5e-7}
compact = dumps(data)
print(compact)
print(dumps(data, indent=2))
back = Parser(compact).parse()
print(back == {("7" if k == 7 else k): v for k, v in data.items()}, back["text"] == data["text"])
print(dumps(back["nested"]), dumps(("tuple", 1)), dumps([]), dumps({}), dumps(""))
for text in ['{"a": [1, 2, {"b": null}]}', "  [true , false,null ] ", '"\\u00e9\\ud83d\\ude00"', "-0", "1E3",
             '{"a" 1}', "[1, 2", "[1 2]", '{"x": tru}', "", '"open', "[1,]", '{1: 2}', "[] extra", '"bad \\q"']:
    try:
        print(repr(text), "->", repr(Parser(text).parse()))
    except DecodeError as e:
        print(repr(text), "-> DecodeError:", e)
loop = [1]
loop.append(loop)
for bad in [loop, {"s": {1, 2}}, float("nan")]:
    try:
        dumps(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
