# naive date, datetime and time hash the bytes of their state as CPython's (so PYTHONHASHSEED, 0 in the golden runs, changes them: test_hash); aware ones hash their UTC difference
import datetime as D
import os
import subprocess
import sys

for o in (D.date(2024, 2, 29), D.date(1, 1, 1), D.date(9999, 12, 31),
          D.datetime(2024, 2, 29, 13, 5, 7, 123456), D.datetime(2024, 2, 29, 13, 5, 7, 123456, fold=1),
          D.time(23, 59, 1, 999999), D.time(0), D.time(1, 2, 3, 4, fold=1)):
    print(repr(o), hash(o))
utc, plus1 = D.timezone.utc, D.timezone(D.timedelta(hours=1))
print(hash(D.datetime(2024, 1, 1, 12, tzinfo=utc)) == hash(D.datetime(2024, 1, 1, 13, tzinfo=plus1)))
print(hash(D.time(12, tzinfo=utc)) == hash(D.time(13, tzinfo=plus1)))
print(hash(D.datetime(2024, 1, 1)) == hash(D.datetime(2024, 1, 1, fold=1)))
code = "import datetime as D; print(hash(D.date(2000, 1, 2)), hash(D.time(3, 4)), hash(D.datetime(2000, 1, 2, 3)))"
for seed in ('1', '4242'):
    out = subprocess.run([sys.executable, '-c', code], env=dict(os.environ, PYTHONHASHSEED=seed),
                         capture_output=True, text=True)
    print(seed, out.stdout.strip())
