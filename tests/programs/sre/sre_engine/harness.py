# harness.py — `re` built from CPython's own re/_parser.py and re/_compiler.py,
# without re/__init__.py: that file imports enum, which pvm cannot import yet
# (issue 10's packages D1/D2).  The package modules are found where the
# standard library is (the sys.path entry holding re/_compiler.py); _subx and
# _expand, which _sre calls for replacement templates, are re/__init__.py's
# own three-line functions; memoryview, which _compiler uses for sets beyond
# Latin-1, is a stand-in for as long as pvm has none (package K).
import builtins
import os
import sys

if not hasattr(builtins, "memoryview"):
    class memoryview:
        """Only what re._compiler._bytes_to_codes asks: cast('I').tolist()."""
        def __init__(self, data, itemsize=1):
            self.data, self.itemsize = bytes(data), itemsize

        def cast(self, fmt):
            return memoryview(self.data, 4)

        def __len__(self):
            return len(self.data) // self.itemsize

        def tolist(self):
            n = self.itemsize
            return [int.from_bytes(self.data[i:i + n], sys.byteorder)
                    for i in range(0, len(self.data), n)]

    builtins.memoryview = memoryview

stdlib = [p for p in sys.path if os.path.isfile(os.path.join(p, "re", "_compiler.py"))][0]
re = type(sys)("re")
re.__path__ = [os.path.join(stdlib, "re")]
sys.modules["re"] = re

from re import _compiler, _constants, _parser


def _subx(pattern, template):
    template = _parser.parse_template(template, pattern)
    if not template[0] and len(template[1]) == 1:
        return template[1][0]
    return lambda match: _parser.expand_template(template, match)


def _expand(pattern, match, template):
    return _parser.expand_template(_parser.parse_template(template, pattern), match)


re._subx = _subx
re._expand = _expand
compile = _compiler.compile
error = _constants.error
