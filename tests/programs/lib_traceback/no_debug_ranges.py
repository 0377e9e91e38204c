# -X no_debug_ranges and PYTHONNODEBUGRANGES: positions without columns, no carets; _testinternalcapi.get_config() says so
import os, subprocess, sys, tempfile
import _testinternalcapi

print('debug ranges here:', _testinternalcapi.get_config()['code_debug_ranges'])
print('gc head:', _testinternalcapi.SIZEOF_PYGC_HEAD)

def f(x):
    return x + [1][2]

print(list(f.__code__.co_positions())[1:4])

PROG = '''
import traceback, _testinternalcapi
def f(x):
    return x + [1][2]
print(_testinternalcapi.get_config()['code_debug_ranges'])
print(list(f.__code__.co_positions())[1:4])
try:
    f(1)
except IndexError:
    traceback.print_exc(file=__import__('sys').stdout)
f(2)
'''

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'prog.py')
    with open(path, 'w') as out:
        out.write(PROG)
    env = dict(os.environ)
    env.pop('PYTHONNODEBUGRANGES', None)
    runs = [(['-X', 'no_debug_ranges'], {}), ([], {'PYTHONNODEBUGRANGES': '1'}),
            (['-E'], {'PYTHONNODEBUGRANGES': '1'}), ([], {})]
    for opts, extra in runs:
        p = subprocess.run([sys.executable] + opts + [path], capture_output=True,
                           text=True, env=dict(env, **extra))
        print('==', opts, sorted(extra), 'exit', p.returncode)
        print(p.stdout.replace(path, 'PROG'), end='')
        print(p.stderr.replace(path, 'PROG'), end='')
