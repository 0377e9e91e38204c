# re.Scanner (a lexicon of patterns and actions, built on _sre's scanner)
# and Pattern.scanner's match/search loops, as tokenisers use them.
import re

def number(scanner, token):
    return ("NUM", int(token))

lexicon = [(r"\d+", number), (r"[a-z_]\w*", lambda s, t: ("NAME", t)),
           (r"[-+*/=()]", lambda s, t: ("OP", t)), (r"\s+", None)]
scanner = re.Scanner(lexicon)
print(scanner.scan("x = 3 * (y + 42)"))
print(scanner.scan("a = 1 $ 2"))
print(re.Scanner([(r"a", "A"), (r"b", "B")], re.I).scan("aAbBc"))
p = re.compile(r"(\d+)|([a-z]+)|(\s+)")
sc = p.scanner("12 ab 3!x")
print(type(sc).__name__, sc.pattern is p)
print([(m.group(), m.lastindex) for m in iter(sc.match, None)], sc.match())
sc = p.scanner("!! 12 ab !", 1)
print([(m.span(), m.lastindex) for m in iter(sc.search, None)], sc.search())
sc = re.compile("").scanner("ab")
print([sc.search().span() for i in range(3)], sc.search())
