# os.environ over posix.environ: get/set/delete, putenv reaching a child (os.system), environb, copy, setdefault, getenv, errors
import os
os.environ['PVM_ENV_A'] = 'alpha'
print(os.environ['PVM_ENV_A'], os.getenv('PVM_ENV_A'), 'PVM_ENV_A' in os.environ, os.environb[b'PVM_ENV_A'])
print(os.system('test "$PVM_ENV_A" = alpha'))
os.environ.update(PVM_ENV_B='beta')
print(os.environ.setdefault('PVM_ENV_B', 'x'), os.environ.setdefault('PVM_ENV_C', 'gamma'))
del os.environ['PVM_ENV_A']
print(os.getenv('PVM_ENV_A'), os.getenv('PVM_ENV_A', 'dflt'), os.system('test -z "$PVM_ENV_A"'))
print(os.environ.pop('PVM_ENV_C'), 'PVM_ENV_C' in os.environ)
c = os.environ.copy()
print(type(c).__name__, c['PVM_ENV_B'], type(os.environ).__name__)
os.environb[b'PVM_ENV_D'] = b'delta'
print(os.environ['PVM_ENV_D'])
try:
    os.environ['PVM_ENV_E'] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    os.environ['PVM_NOPE_X']
except KeyError as e:
    print('KeyError:', e)
try:
    os.environ['A=B'] = 'x'
except ValueError as e:
    print('ValueError:', e)
print(sorted(k for k in os.environ if k.startswith('PVM_ENV')))
print(repr(os.environ)[:8])
