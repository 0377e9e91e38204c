# pwd and grp: lookups by id and name, the struct records, getpwall/getgrall, CPython's errors for unknown and bad ids.
import pwd, grp
r = pwd.getpwuid(0)
print(r, r.pw_name, r[0], len(r), type(r).__name__)
print(pwd.getpwnam('root') == r, pwd.getpwnam('daemon').pw_uid)
for f, a in [(pwd.getpwuid, 987654), (pwd.getpwnam, 'no such user'), (pwd.getpwuid, 'x'), (pwd.getpwnam, 5), (pwd.getpwuid, -5), (pwd.getpwuid, 2**40), (grp.getgrgid, 987654), (grp.getgrnam, 'nosuchgroup'), (grp.getgrnam, 3), (grp.getgrgid, 'x'), (grp.getgrgid, -7), (pwd.getpwnam, 'a\0b')]:
    try: print(f(a))
    except Exception as e: print(type(e).__name__, e)
print([p.pw_name for p in pwd.getpwall()][:3], len(pwd.getpwall()) > 5)
g = grp.getgrgid(0)
print(g, g.gr_mem, grp.getgrnam('root') == g, grp.getgrgid(id=0) == g)
print(sorted(x.gr_name for x in grp.getgrall())[:3])
print(pwd.struct_passwd, grp.struct_group, pwd.struct_passwd.n_fields)
