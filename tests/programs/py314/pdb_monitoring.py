# [3.14] pdb on sys.monitoring (its backend under `python -m pdb`, and bdb's in 3.14): step, next, return, breakpoints (conditional too), clear, jump, display, an exception caught while stepping, commands fed on stdin
import io, sys, pdb

def add(a, b):
    c = a + b
    return c

def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        return -1

def main():
    x = 1
    z = w = None
    y = add(x, 2)
    for i in range(3):
        y += i
    z = risky(0)
    w = list(k * 2 for k in range(3))
    print('result', y, z, w)
    return y

commands = '''\
n
n
s
n
n
p c
r
n
b 19, i == 2
c
p i, y
display y
n
n
clear 1
s
n
n
n
n
r
n
j 20
n
n
p w
undisplay
c
'''
for backend in ['monitoring', 'settrace']:
    print('==', backend)
    debugger = pdb.Pdb(stdin=io.StringIO(commands), stdout=sys.stdout, backend=backend,
                       nosigint=True, readrc=False)
    debugger.use_rawinput = False
    print('returned', debugger.runcall(main))
    sys.settrace(None)
