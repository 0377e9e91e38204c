# pygments (Debian's python3-pygments) highlighting typing.py as HTML.
from pygments import highlight
from pygments.lexers import PythonLexer
from pygments.formatters import HtmlFormatter
src = open('/usr/lib/python3.11/typing.py').read()
out = highlight(src, PythonLexer(), HtmlFormatter())
print(len(out), out.count('<span'))
