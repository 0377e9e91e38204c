# dict views have .mapping: a read-only mappingproxy of their dict
mappingproxy = type(type.__dict__)
class Dict(dict):
    pass
for cls in [dict, Dict]:
    d = cls()
    ms = [d.keys().mapping, d.values().mapping, d.items().mapping]
    print([type(m) is mappingproxy for m in ms], [m == d for m in ms])
    d["foo"] = "bar"
    print([dict(m) for m in ms], ms[0]["foo"])
    try: ms[0]["x"] = 1
    except TypeError as e: print(e)
