# _datetime.date: constructor checks, ordinals, ISO calendar, arithmetic, comparison, formatting, fromisoformat forms, subclasses
from datetime import date, timedelta, datetime, MINYEAR, MAXYEAR
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.toordinal(), d.weekday(), d.isoweekday(), d.ctime())
print(d.isocalendar(), d.isocalendar().week, tuple(date(2021, 1, 3).isocalendar()), date(2020, 12, 31).isocalendar())
print(d + timedelta(days=366, hours=23), d - timedelta(1), d - date(2000, 1, 1), timedelta(1) + d)
print(date.fromordinal(1), date.fromordinal(3652059), date.fromordinal(d.toordinal()) == d)
print(date.min, date.max, date.resolution, MINYEAR, MAXYEAR)
for s in ['2020-01-02', '20200102', '2020-W01', '2020W01', '2020-W53-7', '2020W537', '2021-W52-1']:
    print(s, date.fromisoformat(s))
print(date.fromisocalendar(2020, 53, 7), date.fromisocalendar(2004, 1, 1))
print(d.replace(year=2023, day=28), d.replace(month=3), d.strftime('%Y/%m/%d %a %A %b %j %U %f %z %Z %%'))
print(format(d, ''), format(d, '%d.%m.%Y'), f'{d:%B %d}', d.timetuple())
print(d == date(2024, 2, 29), d < date(2024, 3, 1), d != datetime(2024, 2, 29), d == datetime(2024, 2, 29))
print(hash(d) == hash(date(2024, 2, 29)), sorted([date(2020, 1, 2), date(2019, 5, 1), date(2020, 1, 1)]))
class D(date):
    def __new__(cls, y, m, d, extra='x'):
        self = super().__new__(cls, y, m, d)
        self.extra = extra
        return self
x = D(2020, 1, 31)
print(repr(x), x.extra, repr(x + timedelta(1)), (x + timedelta(1)).extra, type(x.replace(day=1)).__name__, repr(D.fromordinal(5)))
print(repr(D.fromisoformat('2021-03-04')), type(x - timedelta(1)).__name__, x - date(2020, 1, 1))
for f in [lambda: date(0, 1, 1), lambda: date(2020, 13, 1), lambda: date(2021, 2, 29), lambda: date(2020.0, 1, 1),
          lambda: date('2020', 1, 1), lambda: date(2**40, 1, 1), lambda: date(2020, 1), lambda: date.fromordinal(0),
          lambda: date.fromordinal(3652060), lambda: date.max + timedelta(1), lambda: date.min - timedelta(1),
          lambda: date.fromisoformat('2020-1-01'), lambda: date.fromisoformat(20200101), lambda: date.fromisoformat('2020-13-01'),
          lambda: date.fromisocalendar(2021, 53, 1), lambda: date.fromisocalendar(2020, 1, 8), lambda: date.fromisocalendar(0, 1, 1),
          lambda: d < 1, lambda: d - 1, lambda: d.strftime(1), lambda: datetime(2020, 1, 1) < d, lambda: d.replace(month=2, day=30)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
