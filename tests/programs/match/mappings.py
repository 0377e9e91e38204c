# match: mapping patterns, **rest, nested dicts, extra keys ignored, value patterns with dotted names
class Kind:
    USER = "user"
    ADMIN = "admin"
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return "click at %d,%d" % (x, y)
        case {"type": "key", "key": str(k), **mods} if mods:
            return "key %s with %s" % (k, sorted(mods))
        case {"type": "key", "key": k}:
            return "key " + k
        case {"role": Kind.ADMIN, "name": name}:
            return "admin " + name
        case {"role": Kind.USER, "name": name}:
            return "user " + name
        case {"type": t}:
            return "unhandled type " + t
        case {}:
            return "empty-ish mapping"
        case _:
            return "not a mapping"
events = [
    {"type": "click", "pos": (3, 4)},
    {"type": "key", "key": "a"},
    {"type": "key", "key": "b", "ctrl": True, "alt": False},
    {"role": "admin", "name": "root"},
    {"role": "user", "name": "ann", "extra": 1},
    {"type": "scroll"},
    {"other": 1},
    [("type", "click")],
    {"type": "click", "pos": (1, 2, 3)},
]
for e in events:
    print(handle(e))
def config(c):
    match c:
        case {"db": {"host": h, "port": int(p)}, **rest}:
            return "db at %s:%d; other keys %s" % (h, p, sorted(rest))
    return "bad config"
print(config({"db": {"host": "x", "port": 5432}, "debug": True, "log": 1}))
print(config({"db": {"host": "x", "port": "5432"}}))
