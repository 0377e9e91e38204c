# Jumps under 3.12+ bytecode: a jump that leaves locals unbound binds them to None with a RuntimeWarning, out of a for loop
import sys, warnings

def make_tracer(code, jump_from, jump_to, event='line'):
    base = code.co_firstlineno
    done = []
    def local(frame, ev, arg):
        if not done and ev == event and frame.f_lineno == base + jump_from:
            done.append(1)
            try:
                frame.f_lineno = base + jump_to
            except ValueError as e:
                out.append('ValueError: ' + str(e))
        return local
    def glob(frame, ev, arg):
        return local if frame.f_code is code else None
    return glob

def run(func, jump_from, jump_to, event='line'):
    global out
    out = []
    sys.settrace(make_tracer(func.__code__, jump_from, jump_to, event))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            func(out)
        finally:
            sys.settrace(None)
    print(func.__name__, out, [str(x.message) for x in w])

def skip_assignment(output):
    x = 1
    y = 2
    output.append(3)
    output.append((x, y))

def out_of_loop(output):
    for i in range(3):
        output.append(i)
        output.append('in')
    output.append('after')

run(skip_assignment, 1, 3)
run(skip_assignment, 3, 1)
run(out_of_loop, 2, 4)
