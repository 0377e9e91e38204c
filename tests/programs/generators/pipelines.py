# generator pipelines: staged processing of log lines, lazy filters, grouping by hand
LOG = """\
2024-01-01 INFO start server
2024-01-01 WARN disk 81%
2024-01-02 ERROR db timeout
2024-01-02 INFO request /a
2024-01-02 INFO request /b
2024-01-03 ERROR db timeout
2024-01-03 WARN disk 90%
2024-01-03 INFO stop server"""
def lines(text):
    for ln in text.split("\n"):
        print("  read:", ln[:16])
        yield ln
def parse(it):
    for ln in it:
        date, level, msg = ln.split(" ", 2)
        yield {"date": date, "level": level, "msg": msg}
def only(level, it):
    return (r for r in it if r["level"] == level)
def groupby_key(it, key):
    cur, group = None, []
    for r in it:
        k = r[key]
        if group and k != cur:
            yield cur, group
            group = []
        cur = k
        group.append(r)
    if group:
        yield cur, group
pipe = only("ERROR", parse(lines(LOG)))
print("pipeline built")
first = next(pipe)
print("first error:", first["date"], first["msg"])
print("rest:", [r["date"] for r in pipe])
for date, recs in groupby_key(parse(LOG.split("\n")), "date"):
    levels = [r["level"] for r in recs]
    print(date, len(recs), levels)
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))
def moving_avg(it, n):
    for w in window(it, n):
        yield sum(w) / n
print([round(v, 2) for v in moving_avg([1, 4, 2, 8, 5, 7], 3)])
