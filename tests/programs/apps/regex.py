# a small regex engine: parser to an AST (literals, ., classes, anchors, groups, |, * + ? {m,n}) and a backtracking matcher
class RegexError(Exception):
    pass
class Parser:
    def __init__(self, pattern):
        self.p, self.i = pattern, 0
        self.groups = 0
    def parse(self):
        node = self.alt()
        if self.i != len(self.p):
            raise RegexError("unbalanced parenthesis at position %d" % self.i)
        return node
    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None
    def alt(self):
        branches = [self.seq()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.seq())
        return branches[0] if len(branches) == 1 else ("alt", branches)
    def seq(self):
        items = []
        while self.peek() not in (None, "|", ")"):
            items.append(self.repeat())
        return ("seq", items)
    def repeat(self):
        atom = self.atom()
        c = self.peek()
        if c in ("*", "+", "?"):
            self.i += 1
            lo, hi = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
        elif c == "{":
            j = self.p.index("}", self.i)
            spec = self.p[self.i + 1:j]
            self.i = j + 1
            if "," in spec:
                a, b = spec.split(",")
                lo, hi = int(a or 0), (int(b) if b else None)
            else:
                lo = hi = int(spec)
        else:
            return atom
        greedy = True
        if self.peek() == "?":
            self.i += 1
            greedy = False
        if atom[0] in ("bol", "eol"):
            raise RegexError("nothing to repeat")
        return ("rep", atom, lo, hi, greedy)
    def atom(self):
        c = self.peek()
        if c is None or c in "*+?{":
            raise RegexError("nothing to repeat at position %d" % self.i)
        self.i += 1
        if c == "(":
            self.groups += 1
            n = self.groups
            inner = self.alt()
            if self.peek() != ")":
                raise RegexError("missing ), unterminated subpattern")
            self.i += 1
            return ("group", n, inner)
        if c == ".":
            return ("any",)
        if c == "^":
            return ("bol",)
        if c == "$":
            return ("eol",)
        if c == "[":
            return self.charclass()
        if c == "\\":
            e = self.p[self.i]
            self.i += 1
            if e == "d":
                return ("class", [("0", "9")], False)
            if e == "w":
                return ("class", [("a", "z"), ("A", "Z"), ("0", "9"), ("_", "_")], False)
            if e == "s":
                return ("class", [(" ", " "), ("\t", "\t"), ("\n", "\n")], False)
            return ("lit", e)
        return ("lit", c)
    def charclass(self):
        neg = self.peek() == "^"
        if neg:
            self.i += 1
        ranges = []
        first = True
        while True:
            c = self.peek()
            if c is None:
                raise RegexError("unterminated character set")
            if c == "]" and not first:
                self.i += 1
                return ("class", ranges, neg)
            first = False
            self.i += 1
            if self.peek() == "-" and self.i + 1 < len(self.p) and self.p[self.i + 1] != "]":
                ranges.append((c, self.p[self.i + 1]))
                self.i += 2
            else:
                ranges.append((c, c))
class Regex:
    def __init__(self, pattern):
        self.pattern = pattern
        parser = Parser(pattern)
        self.ast = parser.parse()
        self.ngroups = parser.groups
    def m(self, node, s, i, caps, k):
        kind = node[0]
        if kind == "lit":
            return i < len(s) and s[i] == node[1] and k(i + 1, caps)
        if kind == "any":
            return i < len(s) and s[i] != "\n" and k(i + 1, caps)
        if kind == "class":
            if i >= len(s):
                return False
            inside = any(a <= s[i] <= b for a, b in node[1])
            return inside != node[2] and k(i + 1, caps)
        if kind == "bol":
            return i == 0 and k(i, caps)
        if kind == "eol":
            return i == len(s) and k(i, caps)
        if kind == "seq":
            def run(idx, pos, cp):
                if idx == len(node[1]):
                    return k(pos, cp)
                return self.m(node[1][idx], s, pos, cp, lambda p2, c2: run(idx + 1, p2, c2))
            return run(0, i, caps)
        if kind == "alt":
            return any(self.m(b, s, i, caps, k) for b in node[1])
        if kind == "group":
            n = node[1]
            return self.m(node[2], s, i, caps, lambda p2, c2: k(p2, {**c2, n: (i, p2)}))
        if kind == "rep":
            _, sub, lo, hi, greedy = node
            def rep(count, pos, cp):
                can_stop = count >= lo
                can_more = hi is None or count < hi
                more = lambda: can_more and self.m(sub, s, pos, cp, lambda p2, c2: p2 != pos and rep(count + 1, p2, c2))
                stop = lambda: can_stop and k(pos, cp)
                return (more() or stop()) if greedy else (stop() or more())
            return rep(0, i, caps)
        raise RegexError("bad node " + kind)
    def match_at(self, s, start):
        result = []
        def done(pos, caps):
            result.append((pos, caps))
            return True
        if self.m(self.ast, s, start, {}, done):
            return result[0]
        return None
    def search(self, s):
        for start in range(len(s) + 1):
            r = self.match_at(s, start)
            if r:
                end, caps = r
                groups = tuple(s[caps[g][0]:caps[g][1]] if g in caps else None for g in range(1, self.ngroups + 1))
                return start, end, s[start:end], groups
        return None
    def findall(self, s):
        out, pos = [], 0
        while pos <= len(s):
            found = None
            for start in range(pos, len(s) + 1):
                r = self.match_at(s, start)
                if r:
                    found = (start, r[0])
                    break
            if not found:
                break
            out.append(s[found[0]:found[1]])
            pos = found[1] if found[1] > found[0] else found[1] + 1
        return out
TESTS = [
    ("abc", "xxabcxx"), ("a.c", "abc adc a\nc"), ("^ab", "cab"), ("ab$", "cab"), ("colou?r", "the color red"),
    ("a*", "bbb"), ("a+b", "caaab"), ("(a|b)+c", "xxababcx"), ("[0-9]+", "order 66 now"),
    ("[^aeiou ]+", "queue is long"), ("\\d{3}-\\d{4}", "call 555-1234 today"), ("(\\w+)@(\\w+)\\.com", "mail bob@site.com!"),
    ("<.+>", "<a><b>"), ("<.+?>", "<a><b>"), ("x{2,3}", "xxxxx"), ("(ab){2}", "abababab"), ("a|", "b"),
    ("([a-c]+)([d-f]*)$", "zzabcfed"), ("\\s+", "no-spaces"), ("h.*o", "hello world"),
]
for pat, text in TESTS:
    r = Regex(pat)
    print("%-20s %-22r -> %r" % (pat, text, r.search(text)))
for pat, text in [("\\d+", "a1b22c333"), ("[a-z]+", "Hello World foo"), ("o*", "foo"), ("(x|y)z", "xz yz zz")]:
    print("findall %-10s %-18r -> %r" % (pat, text, Regex(pat).findall(text)))
for bad in ["*a", "(ab", "ab)", "[abc", "^*", "a{2"]:
    try:
        Regex(bad)
        print("compiled", bad)
    except (RegexError, ValueError) as e:
        print("%-6s error: %s: %s" % (bad, type(e).__name__, e))
print(Regex("(a)(b(c))").ast)
