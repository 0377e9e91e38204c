# nested with statements: enter/exit order, exception passing outward through layers
log = []
class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        log.append("enter " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        log.append("exit %s (%s)" % (self.name, et.__name__ if et else "ok"))
        return self.swallow
with CM("a"):
    with CM("b"):
        with CM("c"):
            log.append("body")
print(log)
log.clear()
with CM("outer", swallow=True):
    with CM("middle"):
        with CM("inner"):
            raise RuntimeError("boom")
print(log)
log.clear()
with CM("outer"):
    with CM("middle", swallow=True):
        with CM("inner"):
            raise RuntimeError("boom")
    log.append("outer body continues")
print(log)
log.clear()
try:
    with CM("one"), CM("two"), CM("three"):
        raise KeyError("k")
except KeyError:
    log.append("caught outside")
print(log)
