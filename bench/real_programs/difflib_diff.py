# difflib's unified_diff and SequenceMatcher over argparse.py against an edited copy.
import difflib
a = open('/usr/lib/python3.11/argparse.py').read().splitlines(True)
b = [l.replace('self', 'me') if i % 17 == 0 else l for i, l in enumerate(a)]
d = list(difflib.unified_diff(a, b, 'a', 'b'))
print(len(d))
r = difflib.SequenceMatcher(None, a[:800], b[:800]).ratio()
print(round(r, 6))
