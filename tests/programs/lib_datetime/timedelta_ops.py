# _datetime.timedelta: construction from mixed units and floats (round half even), normalisation, arithmetic with ints and floats, str/repr, errors with CPython's messages
from datetime import timedelta
print(timedelta(1, 2, 3), repr(timedelta(days=1.5, seconds=-3, microseconds=0.5)))
print(repr(timedelta(weeks=1, days=-1, hours=25, minutes=-61, seconds=3661, milliseconds=1001, microseconds=-1)))
print(repr(timedelta(microseconds=1.5)), repr(timedelta(microseconds=2.5)), repr(timedelta(microseconds=-0.5)))
print(repr(timedelta(seconds=0.1234565)), repr(timedelta(days=0.1)), repr(timedelta()))
print(timedelta(-1), timedelta(days=-1, microseconds=1), timedelta(2, 3600), timedelta(hours=-1))
d = timedelta(hours=1, minutes=2, seconds=3, microseconds=4)
print(d + d, d - 2 * d, -d, +d, abs(-d), d * 3, 3 * d, d * 0.5, 1.5 * d, d / 3, d / 2.5, d // 7)
print(d / timedelta(minutes=1), d // timedelta(minutes=1), d % timedelta(minutes=1), divmod(d, timedelta(seconds=7)))
print(d.total_seconds(), timedelta(days=10**6).total_seconds(), d.days, d.seconds, d.microseconds)
print(timedelta.min, timedelta.max, timedelta.resolution, repr(timedelta.max))
print(timedelta(1) == timedelta(hours=24), timedelta(1) < timedelta(1, 1), timedelta(0) == 0, bool(timedelta(0)), bool(timedelta(microseconds=1)))
print(hash(timedelta(1)) == hash(timedelta(hours=24)), sorted([timedelta(3), timedelta(-1), timedelta(0, 5)]))
print(timedelta(microseconds=-1) // 2, timedelta(microseconds=-3) / 2, timedelta(microseconds=5) * -0.5)
class TD(timedelta):
    pass
print(repr(TD(1, 2)), type(TD(1) + TD(2)).__name__, type(-TD(1)).__name__)
for f in [lambda: timedelta(days='1'), lambda: timedelta(10**9), lambda: timedelta(1e20), lambda: timedelta.max + timedelta(1),
          lambda: timedelta(1) / 0, lambda: timedelta(1) // 0, lambda: timedelta(1) / timedelta(0), lambda: timedelta(1) % timedelta(0),
          lambda: timedelta(1) * float('inf'), lambda: timedelta(1) * float('nan'), lambda: timedelta(1) + 1, lambda: timedelta(1) < 1,
          lambda: 1 / timedelta(1), lambda: timedelta(1) * timedelta(1), lambda: timedelta(days=1, x=2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
