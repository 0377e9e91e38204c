# An uncaught exception's traceback shows the source line decoded from the file's PEP 263 coding declaration
import os, subprocess, sys, tempfile

def run(first_lines, message, charset):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'prog.py')
        with open(path, 'w', encoding=charset) as out:
            out.write(first_lines + "if 1:\n    import traceback;\n    raise RuntimeError('%s')\n" % message)
        p = subprocess.run([sys.executable, path], capture_output=True)
        print(charset, repr(first_lines), 'exit', p.returncode)
        print(p.stderr.decode('utf-8', 'backslashreplace').replace(path, 'PROG'), end='')

for charset in ('ascii', 'iso-8859-1', 'utf-8', 'latin-1', 'cp1252'):
    text = 'foo' if charset == 'ascii' else 'h\xe9 ho'
    run('# coding: %s\n' % charset, text, charset)
    run('#!shebang\n# -*- coding: %s -*-\n' % charset, text, charset)
    run(' \t\f\n# vim: set fileencoding=%s :\n' % charset, text, charset)
# a declaration after code means nothing: the file is UTF-8
run('x=0\n# coding: latin-1\n', 'h\xe9 ho', 'utf-8')
# no declaration and not UTF-8: a SyntaxError, as in CPython
run('', 'h\xe9 ho', 'latin-1')
