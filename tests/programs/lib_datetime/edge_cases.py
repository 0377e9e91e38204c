# _datetime edge cases: unsafe __new__ calls, pickle states (bytes and latin-1 str), timestamps out of range, timedelta overflow, fromisoformat with surrogates and bad offsets, strftime with a trailing %
from datetime import *
import copy, pickle, warnings
tests = [
 lambda: repr(date.__new__(datetime, 2000, 1, 1)),
 lambda: repr(tzinfo.__new__(timezone)),
 lambda: repr(time.__new__(datetime)),
 lambda: repr(object.__new__(timezone)),
 lambda: repr(date.__new__(date, b'\x07\xd0\x01\x02')),
 lambda: repr(datetime(b'\x07\xd0\x0d\x02\x03\x04\x05\x00\x00\x06')),
 lambda: repr(datetime('\x07\xd0\x01\x02\x03\x04\x05\x00\x00\x06')),
 lambda: repr(date('\u1234\x07\x01\x02')),
 lambda: repr(time(b'\x18\x02\x03\x00\x00\x04')),
 lambda: repr(time(b'\x01\x02\x03\x00\x00\x04', 5)),
 lambda: datetime.__reduce_ex__(datetime(2000,1,1), 'x'),
 lambda: timedelta.__new__(timedelta, 1).__reduce__(),
 lambda: copy.deepcopy(datetime(2000,1,1,tzinfo=timezone(timedelta(hours=1), 'A'))),
 lambda: type(pickle.loads(pickle.dumps(tzinfo()))),
 lambda: datetime(2000,1,1).astimezone(),
 lambda: datetime.fromtimestamp(10**12),
 lambda: datetime.fromtimestamp(-10**11),
 lambda: datetime.utcfromtimestamp(2**63),
 lambda: date.fromtimestamp(1e300),
 lambda: datetime.max.timestamp(),
 lambda: datetime.min.replace(tzinfo=timezone(timedelta(hours=1))).astimezone(timezone.utc),
 lambda: datetime.min.timestamp(),
 lambda: (datetime(2000,1,1) + timedelta.max),
 lambda: timedelta(days=999999999, hours=24),
 lambda: timedelta.max * 2,
 lambda: timedelta(1) * 10**30,
 lambda: timedelta(microseconds=10**30),
 lambda: timedelta(days=-10**20),
 lambda: datetime.fromisoformat('\ud800'*10),
 lambda: datetime.fromisoformat('2020-01-01\ud80012:00'),
 lambda: datetime.fromisoformat('2020-01-01T12:00:00+25:00'),
 lambda: time.fromisoformat('12:00:00+24:00'),
 lambda: datetime.fromisoformat('0000-01-01'),
 lambda: datetime.fromisoformat('2020-W54-1'),
 lambda: datetime.fromisoformat('9999-W52-7T00'),
 lambda: datetime(2000,1,1).strftime('%'),
 lambda: datetime(2000,1,1).strftime('%Y%'),
 lambda: datetime(2000,1,1).strftime('\ud800'),
 lambda: datetime(2000,1,1, tzinfo=timezone(timedelta(0), '%H%%')).strftime('%Z'),
 lambda: time(tzinfo=timezone.utc).strftime('%Z %z %f'),
 lambda: date(2000,1,1).__format__(1),
 lambda: hash(time(fold=1)) == hash(time()),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
