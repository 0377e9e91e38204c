# _datetime.time and datetime: reprs, isoformat timespecs, fromisoformat (3.11's ISO 8601 forms), arithmetic across the day and month, replace, combine, subclasses and errors
from datetime import time, datetime, date, timedelta, timezone
t = time(1, 2, 3, 4000)
print(t, repr(t), repr(time()), repr(time(1, 2, 3)), repr(time(1, 2, 0, 5, fold=1)), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold)
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
    print(spec, t.isoformat(spec), datetime(2020, 5, 6, 7, 8, 9, 123456).isoformat(timespec=spec))
print(t.strftime('%H.%M.%S.%f %p %Y'), format(t, '%I %M'), time.min, time.max, time.resolution)
for s in ['12:34', '12:34:56', '12:34:56.123', '12:34:56,123456789', '123456', 'T1234', '12:34:56+05:30', '12:34Z', '12:34:56-01:02:03.5']:
    print(s, repr(time.fromisoformat(s)))
for s in ['2020-01-02T03:04:05', '2020-01-02 03:04', '20200102T030405.5', '2020-W01-1T10', '2020-01-02T03:04:05.123456+00:00', '2020-01-02x03', '2020-01-02T03:04:05-0800']:
    print(s, repr(datetime.fromisoformat(s)))
dt = datetime(2020, 12, 31, 23, 59, 59, 999999)
print(dt, repr(dt), dt + timedelta(microseconds=1), dt - timedelta(days=366), dt - datetime(2020, 1, 1), timedelta(hours=1) + dt)
print(dt.date(), repr(dt.time()), dt.timetz(), dt.replace(year=2021, microsecond=0), dt.isoformat(' '), dt.isoformat(sep='_'))
print(dt.ctime(), dt.strftime('%Y-%m-%d %H:%M:%S.%f %a'), format(dt, '%c'), str(datetime(2020, 1, 1)), dt.timetuple(), dt.utctimetuple())
print(datetime.combine(date(2020, 1, 2), time(3, 4, fold=1)).__repr__(), datetime.combine(date(2020, 1, 2), t, timezone.utc))
print(datetime.min, datetime.max, datetime.resolution, dt.toordinal(), dt.weekday(), dt.isocalendar())
print(dt == datetime(2020, 12, 31, 23, 59, 59, 999999), dt > datetime(2020, 1, 1), hash(dt) == hash(dt.replace()), time(1) < time(2), time(1) == time(1, fold=1))
print(datetime.strptime('2021-03-04 05:06:07', '%Y-%m-%d %H:%M:%S'), datetime.strptime('5 Mar 2021', '%d %b %Y').date())
class DT(datetime):
    pass
x = DT(2020, 2, 28, 12)
print(repr(x), repr(x + timedelta(1)), repr(x - timedelta(1)), type(x.replace(hour=1)).__name__, repr(DT.combine(date(2000, 1, 1), time())), repr(DT.fromisoformat('2000-01-01')))
for f in [lambda: time(24), lambda: time(0, 60), lambda: time(0, 0, 60), lambda: time(0, 0, 0, 10**6), lambda: time(fold=2), lambda: time(tzinfo=1),
          lambda: datetime(2020, 1, 1, 24), lambda: datetime(2020, 1, 1, fold=-1), lambda: t.isoformat('days'), lambda: datetime.fromisoformat('2020-01-02T'),
          lambda: datetime.fromisoformat('2020'), lambda: time.fromisoformat('25:00'), lambda: time.fromisoformat('12:3'), lambda: datetime.combine(1, t),
          lambda: datetime.combine(date(2020, 1, 1), 2), lambda: datetime.max + timedelta(microseconds=1), lambda: dt < date(2020, 1, 1),
          lambda: dt - 1, lambda: t + timedelta(1), lambda: dt.isoformat('ab'), lambda: datetime.strptime('x', '%Y'), lambda: time(1) < 1]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
