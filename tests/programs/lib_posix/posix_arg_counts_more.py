# The posix functions for spawning, waiting, scheduling, ids and fd operations, called with too many arguments and (where safe) none: CPython's TypeError text for each calling convention
import posix
names = ['posix_spawn', 'posix_spawnp', 'wait3', 'wait4', 'waitid', 'sched_get_priority_min',
         'sched_get_priority_max', 'sched_getscheduler', 'sched_setscheduler', 'sched_getparam',
         'sched_setparam', 'sched_rr_get_interval', 'sched_yield', 'sched_getaffinity',
         'sched_setaffinity', 'setuid', 'seteuid', 'setgid', 'setegid', 'setreuid', 'setregid',
         'setresuid', 'setresgid', 'getresuid', 'getresgid', 'setgroups', 'initgroups',
         'getgrouplist', 'getpriority', 'setpriority', 'readv', 'writev', 'preadv', 'pwritev',
         'lockf', 'posix_fallocate', 'posix_fadvise', 'eventfd', 'eventfd_read',
         'eventfd_write', 'memfd_create', 'pidfd_open', 'copy_file_range', 'splice',
         'getrandom', 'chroot', 'sched_param']
acts = {'sched_yield', 'getresuid', 'getresgid'}
for name in names:
    f = getattr(posix, name)
    calls = [tuple(range(12))] if name in acts else [(), tuple(range(12))]
    for args in calls:
        try:
            f(*args)
            print(name, len(args), 'no error')
        except TypeError as e:
            print(name, len(args), e)
