# Conditional groups (?(id)yes|no) by number and by name, without a "no"
# branch, inside repeats, with look-arounds around them, and the patterns
# CPython refuses.
import re

p = re.compile(r"^(<)?\w+(?(1)>)$")
print([bool(p.match(s)) for s in ["<a>", "a", "<a", "a>"]])
q = re.compile(r"(?P<quote>\")?\w+(?(quote)\"|!)")
print([q.match(s) and q.match(s).group() for s in ['"hi"', "hi!", '"hi!', "hi"]])
print(re.findall(r"(a)?(?(1)b|c)", "ab c ac"), re.findall(r"(?:(x)|y)(?(1)1|2)", "x1 y2 x2 y1"))
print(re.match(r"(a)?(?(1)b)c", "c").group(), re.match(r"(?:(a)|b)*(?(1)X|Y)", "abY"))
print(re.match(r"(?:(a)|b)*(?(1)X|Y)", "baX"), re.search(r"(\()?\d+(?(1)\))", "x(12) 3)").group())
print(re.sub(r"(\[)?(\w+)(?(1)\])", r"<\2>", "[a] b [c"))
for bad in [r"(?(1)a|b|c)(x)", r"(?(2)a)(x)", r"(?(x)a)", r"(?(1a)b)", r"(?(1)a", r"(?()a)"]:
    try:
        re.compile(bad)
        print(repr(bad), "compiled")
    except re.error as e:
        print(repr(bad), e)
