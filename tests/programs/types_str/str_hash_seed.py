# str and bytes hash as CPython's: SipHash-1-3 keyed by PYTHONHASHSEED (0 in the golden runs, then the very values of python3.11), so sets of strings iterate in its order; other seeds, a bad seed, and random seeds
import os
import subprocess
import sys

print(hash('a'), hash(''), hash('hello world'), hash(b'hello world') == hash('hello world'))
print(hash('\xe9'), hash('\u20acuro'), hash('\U0001f600x'), hash('\udc80'), hash('x' * 100), hash(b'\xff' * 9))
words = 'the quick brown fox jumps over the lazy dog'.split()
print(set(words))
print(frozenset('abcdefgh'), {'caf\xe9', 'na\xefve', '\u4e2d\u6587', 'plain'})
print(dict.fromkeys(set(words)).keys() == set(words), sys.hash_info.algorithm,
      sys.hash_info.seed_bits, sys.flags.hash_randomization)

code = "import sys; print(hash('spam'), hash(b'eggs'), list(set('xyzw')), sys.flags.hash_randomization)"
for seed in ('1', '12345', '4294967295', ' 7'):
    out = subprocess.run([sys.executable, '-c', code], env=dict(os.environ, PYTHONHASHSEED=seed),
                         capture_output=True, text=True)
    print(repr(seed), out.stdout.strip())
for seed in ('nope', '4294967296', '-1'):
    bad = subprocess.run([sys.executable, '-c', 'pass'], env=dict(os.environ, PYTHONHASHSEED=seed),
                         capture_output=True, text=True)
    print(repr(seed), bad.returncode, bad.stderr.splitlines()[0])
unset = {k: v for k, v in os.environ.items() if k != 'PYTHONHASHSEED'}
runs = {subprocess.run([sys.executable, '-c', "print(hash('spam'))"], env=dict(unset, PYTHONHASHSEED=s),
                       capture_output=True, text=True).stdout for s in ('random', '')}
print('random secrets differ:', len(runs) == 2)
