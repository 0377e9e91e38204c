# pipeline.py — stream processing with chained generators, the way a log or
# sensor pipeline is written: a source generator of readings, stages that parse,
# filter, enrich, de-duplicate, smooth over a sliding window (a deque), batch,
# and flag anomalies, joined with itertools (islice, chain, groupby, accumulate,
# pairwise, zip_longest), plus a recursive combinatorics search written with
# `yield from`. Measures generator creation, suspension and resumption through
# deep chains (every value passes 6–9 frames), generator expressions, and the
# itertools iterators pulling from Python generators.
import itertools
from collections import deque

N = 150000  # small: 2800


def readings(seed, count):
    """Raw lines 'sensor,time,value' from a linear congruential generator."""
    state = seed
    for t in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        sensor = "s%d" % (state % 7)
        value = (state >> 12) % 1000
        yield "%s,%d,%d" % (sensor, t, value)


def parse(lines):
    for line in lines:
        sensor, t, value = line.split(",")
        yield sensor, int(t), int(value)


def valid(records):
    for rec in records:
        if rec[2] != 999:              # 999 is the sensor's "no reading" code
            yield rec


def dedupe(records):
    last = {}
    for rec in records:
        sensor = rec[0]
        if last.get(sensor) != rec[2]:
            last[sensor] = rec[2]
            yield rec


def scaled(records, factor):
    for sensor, t, value in records:
        yield sensor, t, value * factor


def smoothed(records, width):
    windows = {}
    for sensor, t, value in records:
        w = windows.get(sensor)
        if w is None:
            w = windows[sensor] = deque(maxlen=width)
        w.append(value)
        yield sensor, t, sum(w) / len(w)


def anomalies(records, limit):
    for sensor, t, avg in records:
        if avg > limit:
            yield sensor, t, avg


def batched(iterable, size):
    it = iter(iterable)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def stage_stats(seed, count):
    source = readings(seed, count)
    chain = smoothed(scaled(dedupe(valid(parse(source))), 0.5), 8)
    total = 0.0
    batches = 0
    peak = 0.0
    for chunk in batched(chain, 64):
        batches += 1
        s = sum(avg for _, _, avg in chunk)
        total += s
        peak = max(peak, max(avg for _, _, avg in chunk))
    flagged = sum(1 for _ in anomalies(smoothed(valid(parse(readings(seed + 1, count // 2))), 4), 700))
    return round(total, 3), batches, peak, flagged


def per_sensor(seed, count):
    recs = sorted(valid(parse(readings(seed, count))), key=lambda r: r[0])
    out = []
    for sensor, group in itertools.groupby(recs, key=lambda r: r[0]):
        values = [v for _, _, v in group]
        running = list(itertools.accumulate(values))
        rises = sum(1 for a, b in itertools.pairwise(values) if b > a)
        out.append((sensor, len(values), running[-1], rises))
    return out


def merged(seed, count):
    a = (v for _, _, v in parse(readings(seed, count)))
    b = (v for _, _, v in parse(readings(seed * 3, count // 3)))
    zipped = itertools.zip_longest(a, b, fillvalue=0)
    total = 0
    for x, y in itertools.islice(zipped, count):
        total += x - y
    joined = itertools.chain(range(5), (t for _, t, _ in parse(readings(seed, 10))))
    return total, list(joined)


def subsets_with_sum(items, target, start=0, chosen=()):
    """Every combination of items (from index start) summing to target."""
    if target == 0:
        yield chosen
        return
    for i in range(start, len(items)):
        x = items[i]
        if x > target:
            break
        yield from subsets_with_sum(items, target - x, i + 1, chosen + (x,))


def permutations_of(seq):
    if len(seq) <= 1:
        yield seq
        return
    for i in range(len(seq)):
        for rest in permutations_of(seq[:i] + seq[i + 1:]):
            yield seq[i:i + 1] + rest


print("stats", stage_stats(11, N))
for row in per_sensor(5, N // 2):
    print("sensor", row)
print("merged", merged(7, N // 2))
items = sorted(set((i * 37) % 61 + 1 for i in range(N // 1000 + 20)))
found = list(subsets_with_sum(items, 60))
print("subsets", len(items), len(found), found[:2], found[-1])
perms = permutations_of(tuple(range(1, min(8, 4 + N // 10000) + 1)))
print("perms", sum(1 for p in perms if all(abs(a - b) != 1 for a, b in zip(p, p[1:]))))
