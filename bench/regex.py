# regex.py — text processing with regular expressions, as log analysers and
# tokenisers use them: generate web-server log lines and a small program text
# (a linear congruential generator, no input), then parse each log line with a
# pattern of named groups, tokenise the program with one alternation of named
# token patterns (finditer and lastgroup, as the re documentation's tokenizer),
# and run findall, split, sub with a template and with a function,
# case-insensitive search and a bytes pattern.  Measures the regular
# expression engine (_sre under Lib/re) and the Match objects, not dispatch.
import re

N = 30000  # small: 120

PATHS = ("/", "/index.html", "/api/v1/users", "/api/v1/orders/17", "/static/app.js",
         "/login", "/search?q=python+vm", "/images/logo.png", "/api/v2/items/403")
AGENTS = ("Mozilla/5.0 (X11; Linux x86_64)", "curl/7.88.1", "python-requests/2.31",
          "Googlebot/2.1", "Mozilla/5.0 (Windows NT 10.0; Win64)")
METHODS = ("GET", "GET", "GET", "POST", "PUT", "DELETE")
WORDS = ("total", "count", "index", "value", "result", "items", "node", "left", "right",
         "x", "y", "size", "buffer", "offset")


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1664525 + 1013904223) % 4294967296
        return (self.state >> 10) % n


def make_log(rng, n):
    lines = []
    for i in range(n):
        ip = "%d.%d.%d.%d" % (10 + rng.below(200), rng.below(256), rng.below(256), rng.below(256))
        day = 1 + rng.below(28)
        hms = "%02d:%02d:%02d" % (rng.below(24), rng.below(60), rng.below(60))
        status = (200, 200, 200, 304, 404, 500, 301)[rng.below(7)]
        size = rng.below(50000) if status != 304 else 0
        lines.append('%s - - [%02d/Oct/2023:%s +0000] "%s %s HTTP/1.1" %d %d "-" "%s"' % (
            ip, day, hms, METHODS[rng.below(6)], PATHS[rng.below(9)], status, size,
            AGENTS[rng.below(5)]))
    return lines


def make_program(rng, n):
    out = []
    for i in range(n):
        a, b, c = WORDS[rng.below(14)], WORDS[rng.below(14)], WORDS[rng.below(14)]
        k = rng.below(1000)
        form = rng.below(4)
        if form == 0:
            out.append("%s = %s + %d * (%s - %d.%d)" % (a, b, k, c, k % 7, k % 10))
        elif form == 1:
            out.append("if %s >= %d: %s = %s(%s, '%s')" % (a, k, b, c, a, WORDS[k % 14]))
        elif form == 2:
            out.append("while %s != %s: %s += 0x%x  # step %d" % (a, b, c, k, k % 5))
        else:
            out.append("%s[%d] = %s.%s // %d" % (a, k % 16, b, c, 1 + k % 9))
    return "\n".join(out)


LOG_LINE = re.compile(
    r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) \S+ \S+ \[(?P<day>\d\d)/(?P<mon>\w{3})/(?P<year>\d{4})'
    r':(?P<time>[\d:]+) [+-]\d{4}\] "(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" '
    r'(?P<status>\d{3}) (?P<size>\d+) "[^"]*" "(?P<agent>[^"]*)"')

TOKEN = re.compile(r"""
    (?P<NUMBER>0x[0-9a-fA-F]+|\d+(?:\.\d*)?)
  | (?P<STRING>'[^'\\]*(?:\\.[^'\\]*)*')
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>>=|<=|==|!=|\+=|//|[-+*/%=<>()\[\].,:])
  | (?P<COMMENT>\#[^\n]*)
  | (?P<NEWLINE>\n)
  | (?P<SKIP>[ \t]+)
  | (?P<MISMATCH>.)
""", re.VERBOSE)

KEYWORDS = {"if", "while", "for", "return"}


def analyse_log(lines):
    by_status, by_path, bytes_by_ip = {}, {}, {}
    for line in lines:
        m = LOG_LINE.match(line)
        if m is None:
            continue
        status = m.group("status")
        by_status[status] = by_status.get(status, 0) + 1
        path = re.sub(r"\d+", "N", m["path"].split("?")[0])
        by_path[path] = by_path.get(path, 0) + 1
        ip = m.group("ip")
        bytes_by_ip[ip] = bytes_by_ip.get(ip, 0) + int(m.group("size"))
    bots = sum(1 for line in lines if re.search(r"bot|curl|requests", line, re.I))
    return by_status, by_path, len(bytes_by_ip), bots


def tokenize(text):
    counts = {}
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "NAME" and m.group() in KEYWORDS:
            kind = "KEYWORD"
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def rewrite(text):
    hexes = re.findall(r"0x([0-9a-f]+)", text)
    text = re.sub(r"0x([0-9a-f]+)", lambda m: str(int(m.group(1), 16)), text)
    text = re.sub(r"(\w+) \+= (\w+)", r"\1 = \1 + \2", text)
    pieces = re.split(r"\s*[;:]\s*", text)
    pairs = re.findall(r"(\w+)\[(\d+)\]", text)
    return len(hexes), len(text), len(pieces), len(pairs), text[-60:]


def scan_bytes(lines):
    data = "\n".join(lines).encode("ascii")
    statuses = re.findall(rb'" (\d{3}) ', data)
    return len(statuses), sum(int(s) for s in statuses) % 9973


rng = Lcg(2024)
log = make_log(rng, N)
program = make_program(rng, N)
by_status, by_path, nips, bots = analyse_log(log)
print(sorted(by_status.items()), sorted(by_path.items())[:4], nips, bots)
print(sorted(tokenize(program).items()))
print(rewrite(program))
print(scan_bytes(log))
