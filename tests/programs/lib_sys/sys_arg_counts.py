# sys and _stat functions called with too many arguments and (where safe) none: CPython's TypeError text for each calling convention
import sys, _stat
names = ['addaudithook', 'audit', 'call_tracing', 'displayhook', 'exc_info',
         'excepthook', 'exception', 'exit', 'get_asyncgen_hooks',
         'get_coroutine_origin_tracking_depth', 'get_int_max_str_digits', 'getallocatedblocks',
         'getdefaultencoding', 'getdlopenflags', 'getfilesystemencodeerrors',
         'getfilesystemencoding', 'getrecursionlimit', 'getrefcount', 'getsizeof',
         'getswitchinterval', 'intern', 'is_finalizing', 'set_coroutine_origin_tracking_depth',
         'set_int_max_str_digits', 'setdlopenflags', 'setrecursionlimit', 'setswitchinterval',
         'unraisablehook']
acts = {'exc_info', 'exception', 'exit', 'get_asyncgen_hooks',
        'get_coroutine_origin_tracking_depth', 'get_int_max_str_digits', 'getallocatedblocks',
        'getdefaultencoding', 'getdlopenflags', 'getfilesystemencodeerrors',
        'getfilesystemencoding', 'getrecursionlimit', 'getswitchinterval', 'is_finalizing'}
def check(module, name):
    f = getattr(module, name)
    for args in ([tuple(range(9))] if name in acts else [(), tuple(range(9))]):
        try:
            f(*args)
            print(name, len(args), 'no error')
        except TypeError as e:
            print(name, len(args), e)
for name in names:
    check(sys, name)
for name in sorted(n for n in dir(_stat) if callable(getattr(_stat, n)) and not n.startswith('_')):
    check(_stat, name)
