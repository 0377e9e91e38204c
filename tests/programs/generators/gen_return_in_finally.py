# generators with try/finally: cleanup order, return in try, exceptions after partial consumption
def resource(name, log):
    log.append("open " + name)
    try:
        for i in range(3):
            yield "%s-%d" % (name, i)
    finally:
        log.append("close " + name)
log = []
for item in resource("a", log):
    log.append(item)
print(log)
log = []
g = resource("b", log)
log.append(next(g))
g.close()
print(log)
log = []
g = resource("c", log)
next(g)
try:
    g.throw(ValueError("stop"))
except ValueError:
    log.append("ValueError escaped")
print(log)
def early():
    try:
        yield 1
        return "early"
        yield 2
    finally:
        print("early finally")
print(list(early()))
def nested_finally():
    try:
        try:
            yield "inner"
        finally:
            print("inner cleanup")
        yield "between"
    finally:
        print("outer cleanup")
ng = nested_finally()
print(next(ng), next(ng))
ng.close()
print("done")
