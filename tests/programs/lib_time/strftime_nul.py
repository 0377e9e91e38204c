# time.strftime refuses a format with an embedded NUL (ValueError), as CPython
import time
tt = time.gmtime(0)
for fmt in ('%S\0', '\0', 'a\0b%Y'):
    try:
        time.strftime(fmt, tt)
    except ValueError as e:
        print('ValueError', e)
print(time.strftime('%Y-%m-%d %H:%M:%S %%', tt))
try:
    time.strftime(b'%S', tt)
except TypeError as e:
    print('TypeError', e)
