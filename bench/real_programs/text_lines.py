# A 200,000-line UTF-8 file (a non-ASCII character on every line) written
# to a temporary directory, then read three ways: `for line in f`,
# readlines(), and a StringIO of read() iterated (h-tio's lines probe).
import io, os, random, tempfile
random.seed(1)
path = os.path.join(tempfile.mkdtemp(), 'lines.txt')
with open(path, 'w', encoding='utf-8') as f:
    for i in range(200000):
        f.write('line %d %s é %s\n' % (i, 'x' * random.randrange(20), 'y' * random.randrange(20)))
n = 0
with open(path, encoding='utf-8') as f:
    for line in f:
        n += len(line)
with open(path, encoding='utf-8') as f:
    lines = f.readlines()
with open(path, encoding='utf-8') as f:
    m = sum(1 for _ in io.StringIO(f.read()))
os.remove(path)
os.rmdir(os.path.dirname(path))
print(n, len(lines), m)
