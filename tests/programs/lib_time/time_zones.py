# time's zone attributes (tzname, timezone, altzone, daylight) follow TZ at tzset(), north and south of the equator.
import posix
import time

for tz in ['America/New_York', 'Australia/Sydney', 'UTC', 'Asia/Kolkata']:
    posix.putenv('TZ', tz)
    time.tzset()
    print(tz, time.tzname, time.timezone, time.altzone, time.daylight)
    lt = time.localtime(1e9)
    print(' ', lt, lt.tm_zone, lt.tm_gmtoff)
    print(' ', time.mktime((2001, 9, 9, 0, 0, 0, 0, 0, -1)), time.strftime('%Z %z', lt))
    print(' ', time.ctime(1e9), time.asctime(lt))
