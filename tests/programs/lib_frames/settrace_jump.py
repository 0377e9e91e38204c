# Jumping by setting f_lineno from a trace function: forward and backward jumps, out of a for loop (its iterator popped), and CPython's refusals (into a loop body, an except block, from a call event, outside tracing)
import sys

def make_tracer(func, jump_from, jump_to, event='line'):
    base = func.__code__.co_firstlineno
    def local(frame, ev, arg):
        if ev == event and frame.f_lineno == base + jump_from:
            try:
                frame.f_lineno = base + jump_to
            except ValueError as e:
                out.append('ValueError: ' + str(e))
        return local
    def glob(frame, ev, arg):
        if frame.f_code is func.__code__:
            if event == 'call' and ev == 'call':
                return local(frame, ev, arg)
            return local
        return None
    return glob

def run(func, jump_from, jump_to, event='line'):
    global out
    out = []
    sys.settrace(make_tracer(func, jump_from, jump_to, event))
    try:
        func(out)
    finally:
        sys.settrace(None)
    print(func.__name__, out)

def forward(output):
    output.append(1)
    output.append(2)
    output.append(3)
    output.append(4)

def backward(output):
    output.append(1)
    if len(output) > 3:
        return
    output.append(3)
    output.append(4)

def out_of_loop(output):
    for i in range(3):
        output.append(i)
        output.append('in')
    output.append('after')

def into_loop(output):
    output.append(1)
    for i in range(2):
        output.append(i)
    output.append('after')

def into_except(output):
    output.append(1)
    try:
        output.append(2)
    except ValueError:
        output.append(4)
    output.append(5)

def past_end(output):
    output.append(1)
    output.append(2)

run(forward, 1, 3)
run(backward, 4, 1)
run(out_of_loop, 2, 4)
run(into_loop, 1, 3)
run(into_except, 1, 5)
run(past_end, 1, 99)
run(past_end, 1, -5)
run(forward, 0, 2, event='call')
try:
    sys._getframe().f_lineno = 1
except ValueError as e:
    print('ValueError:', e)
