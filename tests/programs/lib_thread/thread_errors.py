# CPython's argument errors of every _thread function and method, aliases
# included (their messages name the alias), and a few edge cases that succeed.
import _thread
import re

lock = _thread.allocate_lock()
rlock = _thread.RLock()
calls = [
    ("allocate", lambda: _thread.allocate(1)),
    ("allocate_lock", lambda: _thread.allocate_lock(1)),
    ("_count", lambda: _thread._count(1)),
    ("_set_sentinel", lambda: _thread._set_sentinel(1)),
    ("exit", lambda: _thread.exit(1)),
    ("exit_thread", lambda: _thread.exit_thread(1)),
    ("get_native_id", lambda: _thread.get_native_id(1)),
    ("_excepthook", lambda: _thread._excepthook()),
    ("stack_size 2", lambda: _thread.stack_size(1, 2)),
    ("stack_size kw", lambda: _thread.stack_size(x=1)),
    ("stack_size str", lambda: _thread.stack_size("a")),
    ("stack_size big", lambda: _thread.stack_size(2 ** 70)),
    ("interrupt_main 2", lambda: _thread.interrupt_main(1, 2)),
    ("interrupt_main kw", lambda: _thread.interrupt_main(x=2)),
    ("interrupt_main str", lambda: _thread.interrupt_main("a")),
    ("interrupt_main range", lambda: _thread.interrupt_main(99999)),
    ("interrupt_main 0", lambda: _thread.interrupt_main(0)),
    ("start_new", lambda: _thread.start_new()),
    ("locked", lambda: lock.locked(1)),
    ("locked_lock", lambda: lock.locked_lock(1)),
    ("release_lock", lambda: lock.release_lock(1)),
    ("lock._at_fork_reinit", lambda: lock._at_fork_reinit(1)),
    ("lock.__exit__", lambda: lock.__exit__()),
    ("LockType()", lambda: _thread.LockType()),
    ("RLock._is_owned", lambda: rlock._is_owned(1)),
    ("RLock._release_save", lambda: rlock._release_save(1)),
    ("RLock._at_fork_reinit", lambda: rlock._at_fork_reinit(1)),
    ("RLock.__exit__", lambda: rlock.__exit__()),
    ("ExceptHookArgs short", lambda: _thread._ExceptHookArgs([1])),
    ("ExceptHookArgs none", lambda: _thread._ExceptHookArgs()),
    ("ExceptHookArgs kw", lambda: _thread._ExceptHookArgs([1, 2, 3, 4], x=1)),
    ("ExceptHookArgs int", lambda: _thread._ExceptHookArgs(1)),
    ("_local kw", lambda: _thread._local(x=1)),
    ("_excepthook type", lambda: _thread._excepthook((1, 2, 3, 4))),
]
for name, call in calls:
    try:
        # (3.13 can make a lock: its repr's address is masked)
        print(name, "->", re.sub(r" at 0x[0-9a-f]+", " at 0x...", str(call())))
    except Exception as e:
        print(name, "->", type(e).__name__, e)

# successes: a generator as the sequence, the dict argument ignored
args = _thread._ExceptHookArgs((x for x in "abcd"), {})
print(args, args.exc_type, args.thread, args[1:3], len(args), isinstance(args, tuple))
print(type(args).__name__, type(args).__module__)
print(_thread.interrupt_main(15))    # SIGTERM is at its default: nothing happens
