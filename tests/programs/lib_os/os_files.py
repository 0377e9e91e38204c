# Lib/os.py on posix: makedirs, os.walk (top-down and bottom-up), scandir, stat, remove/removedirs/renames, os.path tests on real files, errors
import os
base = 'pvm_os_files_tmp'
os.makedirs(os.path.join(base, 'a', 'b', 'c'))
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(os.path.join(base, 'a'))
except FileExistsError as e:
    print('FileExistsError:', e)
for name, text in [('top.txt', 'top'), ('a/one.txt', 'one!'), ('a/b/two.py', 'print(2)'), ('a/b/c/three', '')]:
    with open(os.path.join(base, name), 'w') as f:
        f.write(text)
os.symlink('one.txt', os.path.join(base, 'a', 'link'))
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(root, dirs, sorted(files))
for root, dirs, files in os.walk(base, topdown=False):
    print(root, sorted(dirs), sorted(files))
print([sorted(x[2]) for x in os.walk(os.path.join(base, 'a'), followlinks=True)][:1])
print(sorted(e.name for e in os.scandir(base)), [e.is_dir() for e in sorted(os.scandir(base), key=lambda e: e.name)])
print(os.path.getsize(os.path.join(base, 'a', 'one.txt')), os.path.isfile(os.path.join(base, 'top.txt')))
print(os.path.isdir(os.path.join(base, 'a')), os.path.islink(os.path.join(base, 'a', 'link')), os.path.exists(os.path.join(base, 'nope')))
print(os.path.lexists(os.path.join(base, 'a', 'link')), os.path.samefile(os.path.join(base, 'a', 'link'), os.path.join(base, 'a', 'one.txt')))
print(type(os.path.getmtime(os.path.join(base, 'top.txt'))).__name__, os.stat(base).st_mode == os.lstat(base).st_mode)
print(os.path.realpath(os.path.join(base, 'a', 'link')) == os.path.abspath(os.path.join(base, 'a', 'one.txt')))
os.renames(os.path.join(base, 'a', 'b', 'c', 'three'), os.path.join(base, 'x', 'y', 'three'))
print(sorted(os.listdir(base)), os.path.exists(os.path.join(base, 'a', 'b', 'c')))
os.replace(os.path.join(base, 'top.txt'), os.path.join(base, 'x', 'top.txt'))
print(sorted(os.listdir(os.path.join(base, 'x'))))
try:
    os.stat(os.path.join(base, 'missing'))
except FileNotFoundError as e:
    print('FileNotFoundError:', e.errno, e.strerror, e.filename)
try:
    os.rmdir(base)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.remove(os.path.join(base, 'a'))
except IsADirectoryError as e:
    print('IsADirectoryError:', e)
for root, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.remove(os.path.join(root, f))
    for d in dirs:
        p = os.path.join(root, d)
        if os.path.islink(p):
            os.unlink(p)
        else:
            os.rmdir(p)
os.removedirs(base)
print(os.path.exists(base))
print(os.name, os.sep, os.pathsep, os.linesep == '\n', os.curdir, os.pardir, os.extsep, os.altsep, os.devnull, os.defpath)
print(os.fsencode('x'), os.fsdecode(b'y'), os.fspath(b'z'), os.get_exec_path(env={'PATH': '/a:/b'}))
print(os.supports_bytes_environ, os.stat in os.supports_fd, os.stat in os.supports_dir_fd, os.stat in os.supports_follow_symlinks)
print(os.open in os.supports_dir_fd, os.scandir in os.supports_fd, os.chmod in os.supports_follow_symlinks)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.P_WAIT if hasattr(os, 'P_WAIT') else None)
