# csv with real files: writer to a file opened with newline='', reader back, DictReader over a file, line_num across quoted newlines
import csv, os, tempfile
path = os.path.join(tempfile.mkdtemp(), 'data.csv')
with open(path, 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['id', 'name', 'note'])
    w.writerows([[1, 'Ann', 'plain'], [2, 'Bø', 'two\nlines'], [3, 'C,D', 'say "x"'], [4, '', None]])
with open(path, 'rb') as f:
    print(f.read())
with open(path, newline='', encoding='utf-8') as f:
    r = csv.reader(f)
    for row in r:
        print(r.line_num, row)
with open(path, newline='', encoding='utf-8') as f:
    print([dict(d) for d in csv.DictReader(f)])
with open(path, 'a', newline='') as f:
    csv.writer(f, quoting=csv.QUOTE_NONNUMERIC).writerow([5, 'E', 1.5])
with open(path, newline='') as f:
    print(list(f)[-1:])
os.remove(path)
