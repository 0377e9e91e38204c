# partial and lru_cache wrappers keep attributes in a __dict__ that can be
# replaced by another dict, but not deleted nor set to a non-dict.
import functools

p = functools.partial(int, base=2)
p.note = "binary"
print(p("101"), p.__dict__)
p.__dict__ = {"other": 1}
print(p.other, hasattr(p, "note"))
for action in ("del", "set"):
    try:
        if action == "del":
            del p.__dict__
        else:
            p.__dict__ = [1]
    except (TypeError, AttributeError) as e:
        print(action, type(e).__name__, e)


@functools.lru_cache
def square(n):
    return n * n


square.tag = "cached"
print(square(4), square.__dict__["tag"], sorted(square.__dict__))
try:
    del square.__dict__
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)


class Sub(functools.partial):
    pass


s = Sub(max, 1)
try:
    del s.__dict__
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
