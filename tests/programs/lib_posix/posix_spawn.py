# os.posix_spawn / posix_spawnp: run /bin/echo and sh, file_actions (open, dup2, close), setpgroup/resetids/setsid/setsigmask/setsigdef/scheduler, wait; CPython's argument errors
import os, sys, signal, tempfile
# A directory of its own (not one in the program's folder, which a killed run left behind
# and the next run then failed on).
base = tempfile.mkdtemp(prefix='pvm_posix_spawn_')
sys.stdout.flush()
pid = os.posix_spawnp('echo', ['echo', 'hello from echo'], os.environ)
print(type(pid).__name__, os.waitpid(pid, 0)[1])
out = os.path.join(base, 'out.txt')
actions = [(os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
           (os.POSIX_SPAWN_DUP2, 1, 2),
           (os.POSIX_SPAWN_CLOSE, 0)]
pid = os.posix_spawn('/bin/echo', ['echo', 'to', 'a', 'file'], {'A': 'b'}, file_actions=actions)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
with open(out) as f:
    print(repr(f.read()))
pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'exit $CODE'], {'CODE': '3'},
                     resetids=True, setsid=True,
                     setsigmask=[signal.SIGUSR1], setsigdef=(signal.SIGUSR2,),
                     scheduler=(None, os.sched_param(0)))
print('exit', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
pid = os.posix_spawnp('sh', ['sh', '-c', 'exit 4'], os.environ, file_actions=None, setpgroup=0,
                      scheduler=(os.sched_getscheduler(0), os.sched_param(0)))
print('exit', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
pid = os.posix_spawn(b'/bin/sh', (b'sh', b'-c', b'exit 5'), {b'X': b'y'}, file_actions=())
print('exit', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

def attempt(*args, **kw):
    try:
        os.posix_spawn(*args, **kw)
        print('no error')
    except Exception as e:
        print(type(e).__name__, e)
E = os.environ
attempt('/bin/true', [], E)
attempt('/bin/true', 'x', E)
attempt('/bin/true', [''], E)
attempt('/bin/true', ['a'], 3)
attempt('/bin/true', ['a'], E, setpgroup=None)
attempt('/bin/true', ['a'], E, setsigmask=None)
attempt('/bin/true', ['a'], E, setsigmask=[0])
attempt('/bin/true', ['a'], E, setsigdef=[signal.NSIG])
attempt('/bin/true', ['a'], E, scheduler=(1,))
attempt('/bin/true', ['a'], E, scheduler=(None, 0))
attempt('/bin/true', ['a'], E, scheduler=(None, os.sched_param(None)))
attempt('/bin/true', ['a'], E, scheduler=(None, os.sched_param(1 << 40)))
attempt('/bin/true', ['a'], E, file_actions=3)
attempt('/bin/true', ['a'], E, file_actions=[None])
attempt('/bin/true', ['a'], E, file_actions=[()])
attempt('/bin/true', ['a'], E, file_actions=[(None,)])
attempt('/bin/true', ['a'], E, file_actions=[(12345,)])
attempt('/bin/true', ['a'], E, file_actions=[(1,)])
attempt('/bin/true', ['a'], E, file_actions=[(1, 1, 2)])
attempt('/bin/true', ['a'], E, file_actions=[(1, None)])
attempt('/bin/true', ['a'], E, file_actions=[(0, 3, 'a\0', 0, 0)])
attempt('/bin/true', ['a'], E, file_actions=[(0, 3, 'a', 0)])
attempt('/bin/true', ['a'], E, file_actions=[(2, 3)])
attempt('/bin/true', ['a'], E, resetids='x')
attempt('/bin/true', ['a'], E, setsid=None)
attempt('/pvm/no/such/program', ['a'], E)
attempt('/bin/true', ['a'], {'A=': 'b'})
attempt('/bin/true', ['a'], {3: 'b'})
attempt('/bin/true', ['a'], E, 3)
attempt('/bin/true', ['a'], E, bogus=1)
try:
    os.posix_spawnp('pvm-no-such-program', ['a'], E)
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
os.remove(out)
os.rmdir(base)
