# spwd: getspnam/getspall as struct_spwd records, the argument errors, PermissionError without privileges
import spwd

T = spwd.struct_spwd
print(T.n_fields, T.n_sequence_fields, T.n_unnamed_fields, T.__name__, T.__module__)
print(T.__match_args__)
try:
    root = spwd.getspnam('root')
except PermissionError as e:
    print('PermissionError', e.errno)
else:
    print(len(root), root.sp_namp, root.sp_nam == root.sp_namp, root.sp_pwd == root.sp_pwdp)
    print(type(root.sp_lstchg).__name__, type(root.sp_flag).__name__, root.sp_flag)
    print(root[0], root[-1] == root.sp_flag, root[:2] == (root.sp_namp, root.sp_pwdp))
    cls, (items, extra) = root.__reduce__()
    print(cls is T, items == tuple(root), sorted(extra))
    everyone = spwd.getspall()
    print(type(everyone).__name__, all(type(e) is T for e in everyone))
    print(any(e.sp_namp == 'root' for e in everyone))
for args in [('no-such-user-pvm',), (1,), (), ('a\0b',), ('a', 'b'), (b'root',)]:
    try:
        spwd.getspnam(*args)
    except (KeyError, TypeError, ValueError, PermissionError) as e:
        print(type(e).__name__, e)
try:
    spwd.getspnam(name='root')
except TypeError as e:
    print(e)
try:
    spwd.getspall(1)
except TypeError as e:
    print(e)
s = T(('u', 'p', 1, 2, 3, 4, 5, 6, 7))
print(s, s.sp_nam)
