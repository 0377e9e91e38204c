# nis: the functions and nis.error with libnsl's messages (outside any NIS domain on test machines), argument errors
import nis

print(sorted(k for k in dir(nis) if not k.startswith('__')), nis.error.__mro__)
calls = [(nis.get_default_domain, ()), (nis.maps, ()), (nis.cat, ('passwd.byname',)),
         (nis.cat, ('aliases',)), (nis.match, ('root', 'passwd')), (nis.match, ('root',)),
         (nis.cat, (1,)), (nis.maps, ('no.such.domain',)), (nis.get_default_domain, (1,)),
         (nis.match, (b'k', 'm')), (nis.match, ('k', 'm', 'd', 'x'))]
for f, args in calls:
    try:
        print(repr(f(*args)))
    except (nis.error, TypeError) as e:
        print(type(e).__name__, e, e.args)
for kw in ({'key': 'root', 'map': 'passwd'}, {'map': 'passwd'}, {'map': 'group', 'domain': 1},
           {'mapp': 'x'}):
    try:
        print(nis.match(**kw) if 'key' in kw else nis.cat(**kw))
    except (nis.error, TypeError) as e:
        print(type(e).__name__, e)
