# Containers nested far deeper than the recursion limit: repr, == and
# str of them raise RecursionError, as python3.11 does, instead of
# overflowing the C stack.  (hash() of a deep tuple is left out: python3.11
# recurses on its C stack, to 10**5 levels and beyond, where pvm raises
# RecursionError at the recursion limit — docs/reliability.md, part D.)
def nest(depth, make):
    x = make(None)
    for _ in range(depth):
        x = make(x)
    return x
deep_list = nest(100000, lambda x: [x])
deep_list2 = nest(100000, lambda x: [x])
deep_tuple = nest(100000, lambda x: (x,))
deep_dict = nest(100000, lambda x: {"k": x})
for what, action in (("repr list", lambda: repr(deep_list)),
                     ("== lists", lambda: deep_list == deep_list2),
                     ("repr dict", lambda: repr(deep_dict)),
                     ("str tuple", lambda: str(deep_tuple)),
                     ("< lists", lambda: deep_list < deep_list2)):
    try:
        action()
        print(what, "no error")
    except RecursionError as e:
        print(what, type(e).__name__)
