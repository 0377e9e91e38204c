# os.wait3/wait4 (resource.struct_rusage), waitid + waitid_result, the scheduler (sched_param, policies, priorities, affinity), uid/gid functions and their errors
import os, sys
def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(f.__name__, 'ok', r if r is None or isinstance(r, (int, str)) else type(r).__name__)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

pid = os.fork()
if pid == 0:
    os._exit(7)
p, status, ru = os.wait4(pid, 0)
print(p == pid, status, os.WEXITSTATUS(status), type(ru).__module__, type(ru).__name__,
      len(ru), ru.ru_utime >= 0, isinstance(ru.ru_maxrss, int))
import resource
print(type(ru) is resource.struct_rusage)
pid = os.fork()
if pid == 0:
    os._exit(8)
p, status, ru = os.wait3(options=0)
print(p == pid, os.waitstatus_to_exitcode(status), ru.n_fields)
pid = os.fork()
if pid == 0:
    os._exit(9)
r = os.waitid(os.P_PID, pid, os.WEXITED)
print(repr(r).replace(str(pid), 'PID'), r.si_code == os.CLD_EXITED)
print(os.waitid_result.n_fields, os.waitid_result.__name__)
attempt(os.waitid, os.P_PID, 1, os.WEXITED)      # init is nobody's child here
attempt(os.wait4, 1, 0)
attempt(os.wait3, 'x')
print(os.P_PID, os.P_PGID, os.P_ALL, os.WEXITED, os.WSTOPPED, os.WNOWAIT, os.CLD_EXITED)

# the scheduler
param = os.sched_param(5)
print(repr(param), param.sched_priority, param == (5,), os.sched_param(sched_priority=2))
print(param.__reduce__()[1], os.sched_param.n_fields)
attempt(os.sched_param)
print(os.sched_getscheduler(0) == os.SCHED_OTHER, os.sched_getparam(0))
print(os.sched_get_priority_min(os.SCHED_FIFO), os.sched_get_priority_max(policy=os.SCHED_RR))
print(type(os.sched_rr_get_interval(0)).__name__)
os.sched_setparam(0, os.sched_getparam(0))
os.sched_setscheduler(0, os.sched_getscheduler(0), os.sched_param(0))
print(os.sched_yield())
attempt(os.sched_setparam, 0, 43)
attempt(os.sched_setparam, 0, os.sched_param(None))
attempt(os.sched_setparam, 0, os.sched_param(214748364700))
attempt(os.sched_setscheduler, 0, os.SCHED_OTHER, None)
attempt(os.sched_getscheduler, -1)
attempt(os.sched_get_priority_max, 12345)
cpus = os.sched_getaffinity(0)
print(type(cpus).__name__, len(cpus) > 0, all(isinstance(c, int) and c >= 0 for c in cpus))
print(len(cpus) <= os.cpu_count())
os.sched_setaffinity(0, cpus)
print(os.sched_getaffinity(0) == cpus)
attempt(os.sched_setaffinity, 0, [])
attempt(os.sched_setaffinity, 0, [-10])
attempt(os.sched_setaffinity, 0, ['a'])
attempt(os.sched_setaffinity, 0, [(1 << 31) - 1])
attempt(os.sched_setaffinity, 0, [1 << 128])
attempt(os.sched_setaffinity, 0, 5)
print(os.SCHED_OTHER, os.SCHED_FIFO, os.SCHED_RR, os.SCHED_BATCH, os.SCHED_IDLE,
      os.SCHED_RESET_ON_FORK)

# ids
print(os.getresuid() == (os.getuid(), os.geteuid(), os.getuid()))
print(os.getresgid() == (os.getgid(), os.getegid(), os.getgid()))
os.setresuid(-1, -1, -1)
os.setresgid(-1, -1, -1)
os.setreuid(-1, -1)
os.setregid(-1, -1)
print(os.getgrouplist('root', 0)[0], type(os.getpriority(os.PRIO_PROCESS, 0)).__name__)
for f in (os.setuid, os.setgid, os.seteuid):
    for v in ('x', -2, 1 << 32, 1 << 64, 2.0):
        attempt(f, v)
attempt(os.setgroups, 3)
attempt(os.setgroups, ['a'])
attempt(os.setgroups, [-2])
attempt(os.getgrouplist, b'root', 0)
attempt(os.initgroups, 3, 'foo')
attempt(os.initgroups)
attempt(os.setresuid, 1, 2)
