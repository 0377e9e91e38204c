# _opcode.stack_effect (dis.stack_effect) for every opcode byte, oparg and jump, and its errors
import _opcode
import opcode
rows = []
for op in range(256):
    for oparg in ([None] if op < opcode.HAVE_ARGUMENT else [0, 1, 2, 3, 7, 255]):
        for jump in (None, True, False):
            try:
                args = (op,) if oparg is None else (op, oparg)
                r = _opcode.stack_effect(*args, jump=jump)
            except ValueError as e:
                r = str(e)
            rows.append((op, oparg, jump, r))
valid = [r for r in rows if isinstance(r[3], int)]
print(len(rows), len(valid))
for r in rows:
    if r[0] in (1, 3, 90, 93, 111, 120, 132, 171) and r[1] in (None, 0, 3):
        print(r)
print(sum(r[3] * (i + 1) for i, r in enumerate(valid)))
for a, k in [((100,), {}), ((1, 0), {}), ((93, 0), {'jump': 1}), ((300,), {}), ((300, 1), {}), (('a',), {}),
             ((), {}), ((1,), {'oparg': 2}), ((100, 'x'), {})]:
    try:
        print(_opcode.stack_effect(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
print(_opcode.get_specialization_stats())
