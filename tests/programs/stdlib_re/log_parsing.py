# Parsing log lines: named groups, groupdict, match/fullmatch/search with
# pos and endpos, VERBOSE patterns and counting with findall.
import re

LOG = re.compile(r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3})   # client address
    \s+-\s+-\s+
    \[(?P<date>[^\]]+)\]              # [10/Oct/2023:13:55:36 +0000]
    \s+"(?P<method>[A-Z]+)\s+(?P<path>\S+)\s+HTTP/(?P<version>\d\.\d)"
    \s+(?P<status>\d{3})
    \s+(?P<size>\d+|-)
""", re.VERBOSE)

lines = [
    '127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326',
    '10.0.0.7 - - [10/Oct/2023:13:56:01 +0000] "POST /api/login HTTP/1.1" 401 -',
    'garbage line that does not match',
    '192.168.1.20 - - [11/Oct/2023:08:00:00 +0000] "GET /img/logo.png HTTP/2.0" 304 0',
]
status_count = {}
for line in lines:
    m = LOG.match(line)
    if not m:
        print("skip:", repr(line))
        continue
    d = m.groupdict()
    status_count[d["status"]] = status_count.get(d["status"], 0) + 1
    size = 0 if d["size"] == "-" else int(d["size"])
    print(d["ip"], d["method"], d["path"], d["status"], size, m.span("path"))

print(sorted(status_count.items()))
print(LOG.flags & re.VERBOSE != 0, LOG.groups)

date = re.compile(r"(\d{2})/(\w{3})/(\d{4}):(\d{2}):(\d{2}):(\d{2})")
m = date.search(lines[0])
print(m.groups(), m.group(2, 3), m.lastindex)
print(m.expand(r"\3-\2-\1 \4h\5"))

# pos/endpos: search inside a window of the string
word = re.compile(r"\w+")
text = "alpha beta gamma delta"
print(word.search(text, 6), word.search(text, 6, 8), word.match(text, 11))
print(word.fullmatch(text, 0, 5), word.fullmatch(text, 0, 6))
print(re.compile(r"^beta").search(text, 6), re.compile(r"beta$").search(text, 0, 10))

levels = re.findall(r"^(ERROR|WARN|INFO):", "INFO: a\nERROR: b\nWARN: c\nERROR: d", re.M)
print(levels, levels.count("ERROR"))
print(re.findall(r"(?m)^\s*#.*$", "x = 1\n  # note\ny = 2\n# end"))
