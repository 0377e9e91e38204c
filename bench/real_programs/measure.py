"""Programs nobody here wrote the libraries of, counted in instructions.

    python3.11 bench/real_programs/measure.py PVM [BASE_PVM] [PROGRAM ...]

Each program in this directory is compiled by /usr/bin/python3.11 into a
.pyc (so that both interpreters run the same bytecode and neither compiles),
run once by each interpreter to check that pvm prints what python3.11
prints, then run under callgrind: PYTHONHASHSEED=0 and `setarch -R`, as the
collector's work depends on where the stack and the heap land.  Prints a
Markdown table of instructions: python3.11's, pvm's and their ratio, and
BASE_PVM's beside them when one is given.  A program whose library is not
installed (pyflakes, pygments, yaml: Debian's python3-* packages) is left
out with the reason printed.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = '/usr/bin/python3.11'
NEEDS = {'pyflakes_stdlib': 'pyflakes', 'pygments_html': 'pygments', 'yaml_roundtrip': 'yaml'}


def instructions(cmd):
    env = dict(os.environ, PYTHONHASHSEED='0')
    env.pop('PYTHONUNBUFFERED', None)
    r = subprocess.run(['setarch', '-R', 'valgrind', '--tool=callgrind',
                        '--callgrind-out-file=/dev/null'] + cmd,
                       capture_output=True, text=True, env=env)
    m = re.search(r'refs:\s+([\d,]+)', r.stderr)
    if m is None:
        sys.exit('no count from callgrind for %s:\n%s' % (' '.join(cmd), r.stderr[-2000:]))
    return int(m.group(1).replace(',', ''))


def output(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pvm = os.path.abspath(sys.argv[1])
    rest = sys.argv[2:]
    base = os.path.abspath(rest.pop(0)) if rest and os.path.exists(rest[0]) else None
    names = rest or sorted(f[:-3] for f in os.listdir(HERE)
                           if f.endswith('.py') and f != 'measure.py')
    work = tempfile.mkdtemp(prefix='pvm-real-')
    header = '| program | python3.11 | pvm | ratio |'
    rule = '|---|---:|---:|---:|'
    if base:
        header += ' base pvm | base ratio |'
        rule += '---:|---:|'
    print(header)
    print(rule)
    for name in names:
        need = NEEDS.get(name)
        if need and subprocess.run([PYTHON, '-c', 'import ' + need],
                                   capture_output=True).returncode != 0:
            print('%s: left out, python3.11 cannot import %s' % (name, need), file=sys.stderr)
            continue
        pyc = os.path.join(work, name + '.pyc')
        subprocess.run([PYTHON, '-c', 'import py_compile, sys; '
                        'py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)',
                        os.path.join(HERE, name + '.py'), pyc], check=True)
        want = output([PYTHON, pyc])
        got = output([pvm, pyc])
        if got[:2] != want[:2]:
            sys.exit('%s: pvm printed something else than python3.11:\n%s\n%s'
                     % (name, got[1][-500:] + got[2][-500:], want[1][-500:]))
        py = instructions([PYTHON, pyc])
        pv = instructions([pvm, pyc])
        row = '| %s | %.1f M | %.1f M | %.3f |' % (name, py / 1e6, pv / 1e6, pv / py)
        if base:
            b = instructions([base, pyc])
            row += ' %.1f M | %.3f |' % (b / 1e6, b / py)
        print(row, flush=True)


if __name__ == '__main__':
    main()
