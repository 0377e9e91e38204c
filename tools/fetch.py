"""fetch.py -- download a pinned file, checked against its SHA-256.

Usage:  python3 tools/fetch.py SHA256 OUT URL [URL ...]

Tries each URL in turn until one gives a file whose SHA-256 is the one
given, and writes it to OUT (through OUT.part, so an interrupted download
never leaves a file that looks complete).  Exit status 0 when OUT holds
the right file, 1 when no URL gave it.  `make deps` fetches Boehm's libgc
source with it (Makefile, "the collector").
"""
import hashlib
import os
import sys
import urllib.request


def fetch(url, out):
    """The SHA-256 of what url gave, written to out; None if it failed."""
    digest = hashlib.sha256()
    try:
        with urllib.request.urlopen(url, timeout=60) as response, open(out, "wb") as f:
            while True:
                chunk = response.read(1 << 16)
                if not chunk:
                    break
                digest.update(chunk)
                f.write(chunk)
    except OSError as e:
        print("fetch: %s: %s" % (url, e), file=sys.stderr)
        return None
    return digest.hexdigest()


def main(argv):
    if len(argv) < 4:
        print("usage: fetch.py SHA256 OUT URL [URL ...]", file=sys.stderr)
        return 2
    want, out, urls = argv[1].lower(), argv[2], argv[3:]
    part = out + ".part"
    for url in urls:
        got = fetch(url, part)
        if got == want:
            os.replace(part, out)
            return 0
        if got is not None:
            print("fetch: %s: SHA-256 %s, expected %s" % (url, got, want), file=sys.stderr)
    if os.path.exists(part):
        os.remove(part)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
