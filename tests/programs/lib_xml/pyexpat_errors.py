# pyexpat: ExpatError positions and messages, handler exceptions, ParseFile, argument errors
import io
import pyexpat
from xml.parsers import expat
from xml.parsers.expat import errors, model

def attempt(data, final=True, **kw):
    p = expat.ParserCreate(**kw)
    try:
        print("ok", p.Parse(data, final))
    except expat.ExpatError as e:
        print(type(e).__name__, e, e.code, e.lineno, e.offset, errors.messages[e.code])
        # (expat 2.6, python3.13's, puts an empty document's error at byte 0, 2.5 at -1)
        print(" ", p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex if data else "")
    except LookupError as e:
        print(type(e).__name__, e)

for doc in [b"<a>", b"<a></b>", b"", b"<a/><b/>", b"<a>&nope;</a>", b"<a x='1' x='2'/>",
            b"<a>\n  <b>\n</a>", b"<?xml version='1.0'?>\n<a><</a>", b"<a>&#0;</a>",
            b"<a><![CDATA[x</a>", b"<p:a/>", "<a>caf\xe9</b>", b"<a>\xff</a>",
            b"<?xml version='1.0' encoding='bogus-enc'?><a/>"]:
    attempt(doc)
attempt(b"<a x:y='1' xmlns:x='u'/>", namespace_separator=":")
attempt(b"<a", final=False)
attempt(b"<?xml version='1.0' encoding='cp1252'?><a>\x80\x9c</a>")
attempt(b"<?xml version='1.0' encoding='koi8-r'?><a>\xc1\xc2</a>")
p = expat.ParserCreate("iso-8859-1")
out = []
p.CharacterDataHandler = out.append
p.Parse(b"<a>\xe9\xff</a>", True)
print(out)

print(expat.ExpatError is expat.error, expat.ExpatError.__mro__)
print(expat.ErrorString(1), expat.ErrorString(errors.codes[errors.XML_ERROR_SYNTAX]))
print(len(errors.codes), errors.XML_ERROR_TAG_MISMATCH, errors.XML_ERROR_NO_ELEMENTS)
print(model.XML_CTYPE_EMPTY, model.XML_CTYPE_SEQ, model.XML_CQUANT_PLUS)
print(expat.version_info >= (2, 0, 0), expat.EXPAT_VERSION.startswith("expat_"),
      expat.native_encoding, [f for f, v in expat.features][:2])
import sys
print(sys.modules["xml.parsers.expat.errors"] is errors, sys.modules["pyexpat.model"] is model)

print("--- a handler raises")
class Boom(Exception):
    pass
p = expat.ParserCreate()
seen = []
def start(name, attrs):
    seen.append(name)
    if name == "b":
        raise Boom("in " + name)
p.StartElementHandler = start
p.EndElementHandler = lambda n: seen.append("/" + n)
try:
    p.Parse(b"<a><b/><c/></a>", True)
except Boom as e:
    print("Boom", e, seen)
    # the C callback the handler ran under is in the traceback, as in CPython
    # (its line is python3.11's build's: left out, other versions differ)
    import os, traceback
    print([(os.path.basename(f.filename), f.name) for f in traceback.extract_tb(e.__traceback__)])
    tb = e.__traceback__.tb_next
    print(tb.tb_lasti, tb.tb_frame.f_globals, tb.tb_frame.f_back, tb.tb_frame.f_code.co_name)
    print(traceback.format_exception_only(e))
for attr, doc in [("CharacterDataHandler", b"<a>x</a>"), ("CommentHandler", b"<a><!--c--></a>"),
                  ("ExternalEntityRefHandler", b"<!DOCTYPE r [<!ENTITY e SYSTEM 'e.xml'>]><r>&e;</r>")]:
    p = expat.ParserCreate()
    setattr(p, attr, lambda *a: 1 / 0)
    try:
        p.Parse(doc, True)
    except ZeroDivisionError as e:
        print(attr, [f.name for f in traceback.extract_tb(e.__traceback__)][1:])
print(p.StartElementHandler, p.EndElementHandler)

print("--- ParseFile")
p = expat.ParserCreate()
names = []
p.StartElementHandler = lambda n, a: names.append(n)
print(p.ParseFile(io.BytesIO(b"<r>" + b"<x/>" * 1000 + b"</r>")), len(names))
p = expat.ParserCreate()
try:
    p.ParseFile(io.BytesIO(b"<r>\n<x>\n</r>"))
except expat.ExpatError as e:
    print(e)
class Reader:
    def __init__(self, data):
        self.data = data
    def read(self, n):
        return self.data
for data in ["<a/>", b"x" * 4000]:
    try:
        expat.ParserCreate().ParseFile(Reader(data))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print("--- misuse")
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
p = expat.ParserCreate()
t(lambda: expat.XMLParserType())
t(lambda: p.Parse())
t(lambda: p.Parse(1))
t(lambda: expat.ParserCreate().Parse("<a>\ud800</a>", True))
t(lambda: p.ParseFile(1))
t(lambda: p.SetBase(1))
t(lambda: expat.ParserCreate(1))
t(lambda: expat.ParserCreate(namespace_separator="ab"))
t(lambda: expat.ParserCreate(intern=1))
t(lambda: setattr(p, "buffer_size", "x"))
t(lambda: setattr(p, "buffer_size", 0))
t(lambda: setattr(p, "buffer_size", 2 ** 40))
t(lambda: delattr(p, "buffer_text"))
t(lambda: delattr(p, "CommentHandler"))
t(lambda: setattr(p, "ErrorCode", 1))
t(lambda: setattr(p, "nope", 1))
t(lambda: p.nope)
t(lambda: (p.SetBase("http://base/"), p.GetBase()))
t(lambda: p.GetInputContext())
t(lambda: p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS))
p.Parse(b"<a/>", True)
t(lambda: p.Parse(b"<b/>", True))
t(lambda: p.UseForeignDTD())
