# posixpath (os.path) string functions as Lib/posixpath.py computes them on pvm: join/split/normpath/relpath/commonpath/expanduser/expandvars/realpath
import os, os.path as p
print(p.join('a', 'b', 'c'), p.join('/a', '/b'), p.join('a/', 'b'), p.join('', 'x'), p.join(b'a', b'b'))
print(p.split('/a/b/c'), p.split('a/'), p.split(''), p.split('//x'), p.split(b'/a/b'))
print(p.splitext('f.tar.gz'), p.splitext('.profile'), p.splitext('a.b/c'), p.splitext(b'x.y'))
print(p.basename('/a/b/'), p.dirname('/a/b/c'), p.dirname('c'), p.splitdrive('/x'))
for s in ['a//b/./c/..', '/../a', '', '.', '//a', '///a/b', 'a/../..', b'/x/../y']:
    print(repr(s), repr(p.normpath(s)))
print(p.isabs('/x'), p.isabs('x'), p.isabs(b'/'))
print(p.relpath('/a/b/c', '/a/d'), p.relpath('/a', '/a'), p.relpath('x/y', 'x'), p.relpath(b'/a/b', b'/a'))
print(p.commonpath(['/usr/lib', '/usr/local/lib']), p.commonpath(['a/b/c', 'a/b']), p.commonprefix(['interval', 'internal']))
try:
    p.commonpath(['/a', 'b'])
except ValueError as e:
    print('ValueError:', e)
try:
    p.relpath('')
except ValueError as e:
    print('ValueError:', e)
os.environ['HOME'] = '/home/pvmtest'
print(p.expanduser('~'), p.expanduser('~/x'), p.expanduser('x~'), p.expanduser(b'~/b'))
os.environ['PVM_X'] = 'ex'
print(p.expandvars('$PVM_X/${PVM_X}/$PVM_NOPE/$'))
print(p.abspath('x') == p.join(os.getcwd(), 'x'), p.abspath('/a/./b/../c'), p.abspath(b'/q/..'))
base = p.abspath('pvm_os_path_tmp')
os.mkdir(base)
os.mkdir(p.join(base, 'real'))
os.symlink('real', p.join(base, 'link'))
os.symlink('loop2', p.join(base, 'loop1'))
os.symlink('loop1', p.join(base, 'loop2'))
print(p.realpath(p.join(base, 'link', '..', 'link')) == p.join(base, 'real'))
print(p.realpath(p.join(base, 'loop1')) == p.join(base, 'loop1'), p.realpath('/') == '/')
print(p.relpath(p.realpath(p.join(base, 'link', 'f')), base))
print(p.ismount('/'), p.ismount(base), p.exists(b'/'), p.getsize(base) >= 0)
for n in ('link', 'loop1', 'loop2'):
    os.unlink(p.join(base, n))
os.rmdir(p.join(base, 'real'))
os.rmdir(base)
print(p.sep, p.curdir, p.pardir, p.supports_unicode_filenames, p.__name__)
