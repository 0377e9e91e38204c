# csv writer and reader over 20,000 rows in a StringIO, then statistics' mean and stdev.
import csv, io, statistics, random
random.seed(3)
buf = io.StringIO()
w = csv.writer(buf)
for i in range(20000):
    w.writerow([i, 'name%d' % (i % 97), random.random() * 100, random.randrange(1000)])
buf.seek(0)
rows = list(csv.reader(buf))
vals = [float(r[2]) for r in rows]
print(len(rows), round(statistics.mean(vals), 6), round(statistics.stdev(vals), 6))
