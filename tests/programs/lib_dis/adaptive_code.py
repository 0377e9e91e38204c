# code._co_code_adaptive and dis(adaptive=True): same length and base instructions as co_code, positions line up
import cmath, dis, opcode

def roots(a, b, c):
    d = b**2 - 4 * a * c
    yield (-b - cmath.sqrt(d)) / (2 * a)
    if d:
        yield (-b + cmath.sqrt(d)) / (2 * a)

def loop(n):
    total, items = 0, []
    for i in range(n):
        items.append(i)
        total += len(items) + items[-1]
    return total, 'a'.__class__

# Forms only pvm makes, at numbers CPython 3.11 gives its own forms of other
# instructions: they must show as their base instruction.
def own_forms(text, table, state):
    kinds = 0
    for ch in text:
        if isinstance(ch, (int, str)):
            kinds += 1
    for key, value in table.items():
        text = "[" + key + "]"
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return kinds, text, state >> 33

for f, args in ((roots, (1, 2, 3)), (loop, (5,)), (own_forms, ("abc", {"k": 1}, 7))):
    code = f.__code__
    before = code._co_code_adaptive
    for _ in range(20):
        r = f(*args)
        list(r) if f is roots else r
    after = code._co_code_adaptive
    print(f.__name__, type(after).__name__, len(before) == len(code.co_code) == len(after))
    ops = code.co_code[::2]
    print(" specialized some:", after != code.co_code)
    base = [op for op in ops if op != opcode.opmap['CACHE']]
    adaptive = [i for i in dis.get_instructions(f, adaptive=True)]
    print(' instructions:', len(adaptive) == len(base))
    print(' same base ops:', [dis._deoptop(i.opcode) for i in adaptive] == base)
    for show_caches in (False, True):
        co_positions = [p for op, p in zip(ops, code.co_positions(), strict=True)
                        if show_caches or op != opcode.opmap['CACHE']]
        got = [i.positions for i in dis.get_instructions(f, adaptive=True, show_caches=show_caches)]
        print(' positions, show_caches=%s:' % show_caches, got == co_positions)
    print(' plain dis unchanged:', [i.opname for i in dis.get_instructions(f)] ==
          [opcode.opname[op] for op in base])
