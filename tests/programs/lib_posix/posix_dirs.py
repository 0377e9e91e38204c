# posix directories: mkdir/rmdir, listdir (str, bytes, fd), scandir and DirEntry (is_dir/is_file/is_symlink, stat, path), dir_fd, getcwd/chdir
import posix, stat
base = 'pvm_posix_dirs_tmp'
start = posix.getcwd()
posix.mkdir(base)
try:
    posix.mkdir(base + '/sub')
    posix.mkdir(base + '/sub/deeper')
    fd = posix.open(base + '/f.txt', posix.O_CREAT | posix.O_WRONLY, 0o644)
    posix.write(fd, b'12345')
    posix.close(fd)
    posix.symlink('f.txt', base + '/link')
    posix.symlink('sub', base + '/dirlink')
    posix.symlink('missing', base + '/broken')
    print(sorted(posix.listdir(base)))
    entries = sorted(posix.scandir(base), key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False),
              e.inode() == e.stat(follow_symlinks=False).st_ino)
    f = [e for e in entries if e.name == 'f.txt'][0]
    print(f.stat().st_size, stat.S_ISREG(f.stat().st_mode), f.__fspath__(), type(f).__name__)
    link = [e for e in entries if e.name == 'link'][0]
    print(link.stat().st_size, stat.S_ISLNK(link.stat(follow_symlinks=False).st_mode))
    broken = [e for e in entries if e.name == 'broken'][0]
    print(broken.is_dir(), broken.is_file(), broken.is_symlink())
    try:
        broken.stat()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.filename)
    with posix.scandir(base + '/') as it:
        print(sorted(e.path for e in it))
    print(sorted(e.name for e in posix.scandir(base.encode())), sorted(e.path for e in posix.scandir(base.encode())))
    dfd = posix.open(base, posix.O_RDONLY | posix.O_DIRECTORY)
    print(sorted(posix.listdir(dfd)), sorted((e.name, e.path, e.is_dir()) for e in posix.scandir(dfd)))
    print(posix.stat('f.txt', dir_fd=dfd).st_size, posix.readlink('link', dir_fd=dfd))
    posix.mkdir('made', dir_fd=dfd)
    posix.rename('made', 'renamed', src_dir_fd=dfd, dst_dir_fd=dfd)
    print(sorted(posix.listdir(dfd)))
    posix.rmdir('renamed', dir_fd=dfd)
    posix.unlink('broken', dir_fd=dfd)
    posix.fchdir(dfd)
    print(posix.getcwd() == start + '/' + base, sorted(posix.listdir()))
    posix.chdir('sub')
    print(posix.getcwd().endswith('/sub'), posix.getcwdb().endswith(b'/sub'))
    posix.chdir(start)
    posix.close(dfd)
    try:
        posix.rmdir(base + '/sub')
    except OSError as e:
        print(type(e).__name__, e.errno == 39, e.strerror)
    try:
        posix.mkdir(base + '/sub')
    except FileExistsError as e:
        print('FileExistsError', e)
    try:
        posix.listdir(base + '/f.txt')
    except NotADirectoryError as e:
        print('NotADirectoryError', e)
    try:
        posix.unlink(base + '/sub')
    except IsADirectoryError as e:
        print('IsADirectoryError', e)
finally:
    posix.chdir(start)
    for name in ('link', 'dirlink', 'broken', 'f.txt'):
        try:
            posix.unlink(base + '/' + name)
        except FileNotFoundError:
            pass
    posix.rmdir(base + '/sub/deeper')
    posix.rmdir(base + '/sub')
    posix.rmdir(base)
print(base in posix.listdir())
