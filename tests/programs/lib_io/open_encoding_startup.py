# open()'s default encoding is fixed at start-up: clearing LANG/LC_* later does not change it
import locale, os, tempfile, warnings
before = locale.getencoding()
for key in ('LC_ALL', 'LANG', 'LC_CTYPE'):
    os.environ.pop(key, None)
path = os.path.join(tempfile.mkdtemp(), 'f.txt')
with warnings.catch_warnings():
    warnings.simplefilter('ignore', EncodingWarning)
    with open(path, 'w') as f:
        print(f.encoding == locale.getencoding() == before)
os.remove(path)
