# api.py — the Pattern, Match and SRE_Scanner objects: methods with pos and
# endpos, attributes, reprs, equality, copies, subscripting, sub/subn with
# templates, functions and literals, split and findall edge cases, and the
# errors _sre itself raises.
import copy

import _sre
from harness import compile, error


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raises", type(e).__name__ + ":", e)


def pattern_object():
    p = compile(r"(?P<word>\w+)(?:-(?P<num>\d+))?", 0)
    print(p, p.pattern, p.flags, p.groups, dict(p.groupindex), type(p).__name__)
    print(type(p), type(p).__module__, type(p.match("a")), type(p.scanner("")))
    show("repr flags", lambda: [repr(compile("a", f)) for f in (2, 8 | 16, 64 | 2, 256, 4 | 32)])
    show("repr bytes", lambda: [repr(compile(b"a", f)) for f in (0, 2, 4, 256)])
    show("repr long", lambda: repr(compile("x" * 300, 0)))
    show("repr quotes", lambda: repr(compile("it's \"q\"\n", 0)))
    show("eq", lambda: (compile("a+", 0) == compile("a+", 0), compile("a+", 0) == compile("a+", 2),
                        compile("a+", 0) != compile(b"a+", 0), compile("a", 0) == "a"))
    show("hash eq", lambda: hash(compile("a+", 2)) == hash(compile("a+", 2)))
    show("copy", lambda: (copy.copy(p) is p, copy.deepcopy(p) is p, p.__copy__() is p,
                          p.__deepcopy__({}) is p))
    show("generic", lambda: (type(p)[str], type(p.match("a"))[bytes]))
    show("groupindex empty", lambda: compile("(a)", 0).groupindex)
    show("no instances", lambda: type(p)())
    show("no pattern attribute write", lambda: setattr(p, "flags", 1))


def match_methods():
    p = compile(r"(?P<word>\w+)(?:-(?P<num>\d+))?( )?", 0)
    m = p.search("  item-42 rest")
    print(m)
    print(m.group(), m.group(0), m.group(1), m.group("num"), m.group(1, "num", 0))
    print(m[0], m["word"], m[2], m[3], m.groups(), m.groups("dflt"), m.groupdict(),
          m.groupdict(default="-"))
    print(m.start(), m.end(), m.span(), m.start(2), m.end("num"), m.span(3), m.regs)
    print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.string, m.re is p)
    print(m.expand(r"<\2|\g<word>|\g<0>>"), m.expand(r"\n\t\\"))
    print(copy.copy(m) is m, copy.deepcopy(m) is m, bool(m))
    show("group(True)", lambda: m.group(True))
    show("group(-1)", lambda: m.group(-1))
    show("group(4)", lambda: m.group(4))
    show("group(10**30)", lambda: m.group(10 ** 30))
    show("group('nope')", lambda: m.group("nope"))
    show("group(1.0)", lambda: m.group(1.0))
    show("group([])", lambda: m.group([]))
    show("start('x')", lambda: m.start("x"))
    show("span(1, 2)", lambda: m.span(1, 2))
    show("span(group=1)", lambda: m.span(group=1))
    show("group(k=1)", lambda: m.group(k=1))
    show("groups(default=0)", lambda: m.groups(default=0))
    show("expand bad", lambda: m.expand(r"\9"))
    show("expand name", lambda: m.expand(r"\g<nope>"))
    show("len", lambda: len(m))
    show("lastgroup none", lambda: compile("(a)(?P<b>b)(c)", 0).match("abc").lastgroup)
    show("lastindex nested", lambda: compile("((a)(b))", 0).match("ab").lastindex)
    show("lastindex none", lambda: compile("a", 0).match("a").lastindex)
    show("lastindex repeat", lambda: compile("(?:(a)|(b))+", 0).match("abab").lastindex)
    show("unmatched group", lambda: compile("(a)|(b)", 0).match("b").span(1))


def positions():
    p = compile(r"\w+", 0)
    s = "one two three"
    for pos, endpos in [(0, 100), (4, 7), (5, 6), (-5, 3), (20, 30), (8, 4), (3, 3)]:
        m = p.search(s, pos, endpos)
        print(pos, endpos, m, p.match(s, pos, endpos), p.fullmatch(s, pos, endpos),
              p.findall(s, pos, endpos), [m.span() for m in p.finditer(s, pos, endpos)])
    print(compile("^o", 8).findall("one\none", 1), compile(r"\bt", 0).search(s, 4))
    print(compile("(?<=t)w", 0).search(s, 5), compile("e$", 0).search(s, 0, 3))
    show("pos keyword", lambda: p.search(string=s, pos=4, endpos=7))
    show("pos str", lambda: p.search(s, "1"))
    show("pos huge", lambda: p.search(s, 10 ** 30))
    show("missing", lambda: p.search())
    show("too many", lambda: p.search(s, 1, 2, 3))
    show("bad keyword", lambda: p.search(s, where=1))


def substitution():
    p = compile(r"(\w)(\d)?", 0)
    s = "a1 b c3"
    print(p.sub(r"[\2\1]", s), p.subn(r"\g<2>\g<1>", s), p.sub(r"\g<0>\g<0>", s, 2))
    print(p.sub(lambda m: m.group(1).upper(), s), p.sub(lambda m: None, s), p.subn("", s, count=1))
    print(compile("x*", 0).sub("-", "abxd"), compile("", 0).sub("-", "abc"),
          compile("", 0).subn("-", ""))
    print(compile("a", 0).sub("\\\\", "aba"), compile("a", 0).sub(r"\n", "aba"),
          compile(b"a", 0).sub(b"o", b"aba"))
    print(compile(b"(a)", 0).sub(rb"<\1>", b"banana"), compile(b"a", 0).sub(b"o", bytearray(b"ab")))
    print(compile("(?P<x>a)", 0).sub(r"\g<x>\g<1>", "cat"), compile("a|(b)", 0).sub(r"[\1]", "ab"))
    show("sub bad group", lambda: compile("(a)", 0).sub(r"\2", "a"))
    show("sub bad escape", lambda: compile("a", 0).sub(r"\q", "a"))
    show("sub returns int", lambda: compile("a", 0).sub(lambda m: 1, "xay"))
    show("sub bytes returns str", lambda: compile(b"a", 0).sub(lambda m: "s", b"xay"))
    show("sub str template for bytes", lambda: compile(b"a", 0).sub("o", b"a"))
    show("sub bytes template for str", lambda: compile("a", 0).sub(b"o", "a"))
    show("sub repl int", lambda: compile("a", 0).sub(1, "a"))
    show("sub raising", lambda: compile("a", 0).sub(lambda m: 1 / 0, "a"))
    show("subn count", lambda: compile("a", 0).subn("b", "aaaa", 3))
    show("sub negative count", lambda: compile("a", 0).sub("b", "aaaa", -1))
    show("sub no match", lambda: compile("z", 0).subn("b", "aaaa"))
    show("sub subclass", lambda: type(compile("a", 0).sub("b", type("S", (str,), {})("cat"))))


def split_findall():
    print(compile(",", 0).split("a,b,,c,"), compile(",", 0).split("a,b,c", 1),
          compile(",", 0).split("a,b,c", maxsplit=-1))
    print(compile("(,)", 0).split("a,b"), compile("(,)|(;)", 0).split("a,b;c"),
          compile("x*", 0).split("axbc"), compile("", 0).split("abc"),
          compile(r"\b", 0).split("a b"))
    print(compile(r"(\d)(\w)?", 0).findall("1a 2 3b"), compile(r"\d", 0).findall("1 22"),
          compile(r"(\d)", 0).findall("1 22"), compile("", 0).findall("ab"),
          compile("a|", 0).findall("bab"))
    print(compile(b"(a)(b)?", 0).findall(b"ab a"), compile(b"\\d", 0).split(b"a1b2"))
    print([m.group() for m in compile(r"\d+|x*", 0).finditer("ab12x")])
    show("split maxsplit str", lambda: compile(",", 0).split("a,b", "1"))


def scanners():
    p = compile(r"(\d+)|([a-z]+)|(\s+)", 0)
    sc = p.scanner("12 ab 3!x")
    print(sc.pattern is p, type(sc).__name__)
    print([m and (m.span(), m.lastindex) for m in iter(sc.match, None)], sc.match(), sc.match())
    sc = p.scanner("!! 12 ab !", 1)
    print([(m.span(), m.lastindex) for m in iter(sc.search, None)], sc.search())
    sc = compile("", 0).scanner("ab")
    print([sc.search().span() for i in range(3)], sc.search())
    show("scanner arg", lambda: p.scanner("a").match(1))
    it = p.finditer("a1 b2")
    print(type(it).__name__, next(it).span(), list(it))


def module_errors():
    p = compile("a", 0)
    show("int subject", lambda: p.match(1))
    show("bytes on str pattern", lambda: p.match(b"a"))
    show("str on bytes pattern", lambda: compile(b"a", 0).match("a"))
    show("list subject", lambda: p.findall(["a"]))
    show("None subject", lambda: p.sub("b", None))
    print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
    show("compile", lambda: _sre.compile("a", 0, [16, 97, 1], 0, {}, ()).search("xa"))
    show("compile None", lambda: _sre.compile(None, 32, [1], 0, {}, ()))
    show("compile keywords", lambda: _sre.compile(pattern="", flags=0, code=[1], groups=0,
                                                  groupindex={}, indexgroup=()))
    # (never an IN with a skip below 2: python3.11's own check crashes on it)
    for code in ([], [0], [16], [2, 2], [16, 97], [-1, 1], [2 ** 32, 1], ["x", 1],
                 [1.0, 1], [True, 1], [11, 0, 1], [16, 97, 15, 0, 1], [7, 0, 1]):
        show("code %r" % code, lambda: _sre.compile("a", 0, code, 0, {}, ()))
    show("groups -1", lambda: _sre.compile("a", 0, [1], -1, {}, ()))
    show("code tuple", lambda: _sre.compile("a", 0, (1,), 0, {}, ()))
    show("groupindex list", lambda: _sre.compile("a", 0, [1], 0, [], ()))
    show("indexgroup list", lambda: _sre.compile("a", 0, [1], 0, {}, []))
    show("pattern int", lambda: _sre.compile(1, 0, [1], 0, {}, ()))
    show("flags float", lambda: _sre.compile("a", 1.5, [1], 0, {}, ()))
    show("missing", lambda: _sre.compile())
    show("too many", lambda: _sre.compile(1, 2, 3, 4, 5, 6, 7))
    show("getcodesize(1)", lambda: _sre.getcodesize(1))
    show("tolower(1, 2)", lambda: _sre.ascii_tolower(1, 2))
    show("tolower(c=1)", lambda: _sre.ascii_tolower(c=1))
    print(_sre.copyright)


def run():
    for part in (pattern_object, match_methods, positions, substitution, split_findall,
                 scanners, module_errors):
        print("--", part.__name__)
        part()
