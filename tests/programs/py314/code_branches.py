# code.co_branches() (3.14): (source, not taken, taken) offsets of conditional jumps, for loops and async for loops, also past EXTENDED_ARG
def f(x, it):
    for i in it:
        if x:
            x = x.y
        while x is None:
            x = 1
    async def g():
        async for a in b:
            if a and not x:
                pass
    return x, g

def nothing():
    return 1

src = "def big(x):\n    if x:\n" + "        x = x + 1\n" * 300 + "    return x\n"
ns = {}
exec(src, ns)
code = f.__code__
print(list(code.co_branches()))
print(list(code.co_consts[1].co_branches()) if hasattr(code.co_consts[1], 'co_branches') else
      [list(c.co_branches()) for c in code.co_consts if hasattr(c, 'co_branches')])
print(list(nothing.__code__.co_branches()), list(ns['big'].__code__.co_branches()))
print([(a % 2, b % 2, c % 2) for a, b, c in f.__code__.co_branches()], 'co_branches' in dir(code))
try:
    code.co_branches(1)
except TypeError as e:
    print('TypeError', e)
