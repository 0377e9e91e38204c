# time: clocks and get_clock_info, struct_time, gmtime/localtime/mktime, strftime/asctime/ctime with CPython's argument checks and messages.
import posix, time
posix.putenv('TZ', 'UTC'); time.tzset()
for f,a in [(time.strftime,('%Y',(1,2,3))),(time.mktime,((1,2,3),)),(time.asctime,((1,2,3),)),(time.strftime,('%Y',(2000,1,1,0,0,0,0,1,0.5))),(time.strftime,('%Y',[2000,1,1,0,0,0,0,1,0])),(time.gmtime,('x',)),(time.sleep,('x',)),(time.gmtime,(float('nan'),)),(time.gmtime,(1e30,)),(time.strftime,('%Y',(2000,13,1,0,0,0,0,1,0))),(time.strftime,(5,)),(time.get_clock_info,('x',)),(time.sleep,(-1,)), (time.asctime,((2000,1,1,0,0,0,-3,1,0),)),(time.mktime,((1e10,1,1,0,0,0,0,1,0),)),(time.struct_time,((1,2,3),)),(time.struct_time,((1,)*12,)), (time.strftime, ('%Y-%m-%d %H:%M:%S %a %b %j %%', (2000,0,0,0,0,0,0,0,0))), (time.strftime, ('', (2000,1,1,0,0,0,0,1,0))), (time.mktime, ((2000,1,1,0,0,0,0,1,0),)), (time.gmtime, (-1.5,)), (time.gmtime, (10**20,)), (time.clock_gettime, ('x',)), (time.asctime, ((2000,1,1,0,0,0,0,1,0),)), (time.asctime, ((12345,12,31,23,59,60,6,366,1),)), (time.ctime, (1e9,)), (time.sleep, (0,)), (time.sleep, (0.001,)), (time.gmtime,(10**11,))]:
    try: print(f.__name__, repr(f(*a))[:160])
    except Exception as e: print(f.__name__, type(e).__name__, e)
for c in ['monotonic','time','process_time','thread_time','perf_counter']:
    print(time.get_clock_info(c))
g = time.gmtime(1234567890)
print(g, g.tm_zone, g.tm_gmtoff, g[0], len(g), g[-1], tuple(g))
print(time.tzname, time.timezone, time.altzone, time.daylight)
print(time.asctime(time.gmtime(0)), time.ctime(0))
print([n for n in dir(time) if not n.startswith('_')])
print(time.struct_time((2000,1,1,0,0,0,0,1,0)))
s = time.struct_time((2000,1,1,0,0,0,0,1,0,'X',5))
print(s.tm_zone, s.tm_gmtoff, s == (2000,1,1,0,0,0,0,1,0))
print(time.strftime('%Y %Z', time.gmtime(0)))
print(time.mktime(time.localtime(1e9)), time.localtime(1e9))
print(type(time.time()), type(time.time_ns()), type(time.monotonic_ns()), time.perf_counter() > 0)
print(isinstance(time.clock_gettime(time.CLOCK_MONOTONIC), float), time.clock_getres(time.CLOCK_REALTIME))
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_TAI, time.CLOCK_BOOTTIME)
print(time.strftime('%d/%m/%Y', (2024, 2, 29, 13, 5, 9, 3, 60, 0)))
a = time.monotonic_ns(); b = time.monotonic_ns(); print(b >= a)
print(time.tzset())
