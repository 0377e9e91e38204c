# prepare.py — make the zip archive main.py imports from (and compile main.py)
import compileall
import zipfile

with zipfile.ZipFile('made.zip', 'w') as z:
    z.writestr('in_zip.py', 'V = "in the zip"\n')
    z.writestr('zpk/__init__.py', '')
    z.writestr('zpk/leaf.py', 'W = 2\n')
compileall.compile_dir('.', quiet=1)
