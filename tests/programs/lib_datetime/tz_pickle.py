# _datetime.timezone and tzinfo subclasses: offsets, names, aware comparison and subtraction, astimezone, fromutc, fold (PEP 495), pickles and their exact bytes
import pickle, copy
from datetime import datetime, time, date, timedelta, timezone, tzinfo, UTC
est = timezone(timedelta(hours=-5), 'EST')
ist = timezone(timedelta(hours=5, minutes=30))
print(timezone.utc, repr(timezone.utc), repr(est), repr(ist), str(ist), ist.tzname(None), est.utcoffset(None), est.dst(None), UTC is timezone.utc)
print(timezone(timedelta(0)) is timezone.utc, repr(timezone(timedelta(0), 'Z')), timezone.min, timezone.max, timezone(timedelta(seconds=1, microseconds=5)))
print(est == timezone(timedelta(hours=-5)), hash(est) == hash(timezone(timedelta(hours=-5))), est != ist)
a = datetime(2020, 6, 1, 12, tzinfo=est)
b = datetime(2020, 6, 1, 22, 30, tzinfo=ist)
print(a, b, a == b, a - b, b - a, a < b, hash(a) == hash(b), a.utcoffset(), a.tzname(), a.dst(), a.timestamp())
print(a.astimezone(ist), a.astimezone(timezone.utc), a.astimezone(UTC).utctimetuple(), ist.fromutc(datetime(2020, 1, 1, tzinfo=ist)))
print(a.isoformat(), a.strftime('%z|%Z|%H'), time(1, 2, tzinfo=ist).isoformat(), time(1, tzinfo=ist).strftime('%z %Z'), time(1, tzinfo=est) < time(1, tzinfo=ist))
class Eastern(tzinfo):
    """US Eastern with the 2020 rules for March 8 and November 1."""
    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)
    def dst(self, dt):
        if dt is None:
            return timedelta(0)
        start = datetime(dt.year, 3, 8, 2)
        end = datetime(dt.year, 11, 1, 1)
        naive = dt.replace(tzinfo=None)
        if start <= naive < end or (naive.replace(fold=0) == end.replace(hour=1) and not dt.fold and False):
            return timedelta(hours=1)
        if end <= naive < end + timedelta(hours=1):
            return timedelta(hours=0) if dt.fold else timedelta(hours=1)
        return timedelta(0)
    def tzname(self, dt):
        return 'EDT' if self.dst(dt) else 'EST'
    def __repr__(self):
        return 'Eastern()'
E = Eastern()
for h in range(4, 8):
    u = datetime(2020, 11, 1, h, tzinfo=timezone.utc)
    l = u.astimezone(E)
    print(u, '->', l, l.fold, l.tzname(), l.utcoffset())
x = datetime(2020, 11, 1, 1, 30, tzinfo=E)
print(x.utcoffset(), x.replace(fold=1).utcoffset(), x == x.replace(fold=1), x == x.astimezone(timezone.utc), repr(x.replace(fold=1)))
for obj in [timedelta(1, 2, 3), date(2000, 1, 2), time(1, 2, 3, 4, ist), time(5, fold=1), datetime(2000, 1, 2, 3, 4, 5, 6, est, fold=1), est, timezone.utc, date(2000, 1, 1).isocalendar()]:
    for proto in range(5):
        y = pickle.loads(pickle.dumps(obj, proto))
        assert y == obj and type(y) is type(obj), (obj, proto)
    print(repr(obj), obj.__reduce__(), copy.copy(obj) == obj, copy.deepcopy(obj) == obj)
print(datetime(2000, 1, 2, fold=1).__reduce_ex__(4), datetime(2000, 1, 2, fold=1).__reduce_ex__(2), time(5, fold=1).__reduce_ex__(4))
print(pickle.dumps(datetime(2001, 2, 3, 4, 5, 6, 7), 4), pickle.dumps(timedelta(1, 2, 3), 4), pickle.dumps(est, 2))
print(datetime(b'\x07\xd0\x01\x02\x03\x04\x05\x00\x00\x06'), date(b'\x07\xd0\x01\x02'), time(b'\x01\x02\x03\x00\x00\x04', ist), tzinfo().__reduce__())
for f in [lambda: timezone(1), lambda: timezone(timedelta(1)), lambda: timezone(timedelta(0), 1), lambda: tzinfo().utcoffset(None),
          lambda: est.utcoffset(1), lambda: est.fromutc(1), lambda: est.fromutc(datetime(2000, 1, 1)), lambda: a - datetime(2000, 1, 1),
          lambda: a < datetime(2000, 1, 1), lambda: time(tzinfo=est) < time(), lambda: a.astimezone(1), lambda: datetime(2000, 1, 1, tzinfo=E).fromutc(1),
          lambda: time(b'\x01\x02\x03\x00\x00\x04', 1), lambda: type('X', (timezone,), {})]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(a == datetime(2020, 6, 1, 12), a != datetime(2020, 6, 1, 12))
