# xml.sax on pyexpat (expatreader): ContentHandler events, namespaces, ErrorHandler, saxutils
import io
import xml.sax
from xml.sax import saxutils
from xml.sax.handler import ContentHandler, feature_namespaces

class Log(ContentHandler):
    def __init__(self):
        super().__init__()
        self.out = []
    def startDocument(self):
        self.out.append("startDocument")
    def endDocument(self):
        self.out.append("endDocument")
    def startElement(self, name, attrs):
        self.out.append(("start", name, sorted(attrs.items())))
    def endElement(self, name):
        self.out.append(("end", name))
    def startElementNS(self, name, qname, attrs):
        self.out.append(("startNS", name, qname, sorted(attrs.items())))
    def endElementNS(self, name, qname):
        self.out.append(("endNS", name, qname))
    def startPrefixMapping(self, prefix, uri):
        self.out.append(("prefix", prefix, uri))
    def characters(self, content):
        self.out.append(("chars", content))
    def processingInstruction(self, target, data):
        self.out.append(("pi", target, data))

DOC = b"<?xml version='1.0'?><r xmlns:p='urn:p' a='1'><p:x p:b='2'>hi &amp; bye</p:x><?t d?></r>"
h = Log()
xml.sax.parseString(DOC, h)
for e in h.out:
    print(e)

parser = xml.sax.make_parser()
parser.setFeature(feature_namespaces, True)
h = Log()
parser.setContentHandler(h)
parser.parse(io.BytesIO(DOC))
for e in h.out:
    print(e)

print("--- incremental")
parser = xml.sax.make_parser()
h = Log()
parser.setContentHandler(h)
for piece in [b"<a>", b"one", b"<b/>two</a>"]:
    parser.feed(piece)
parser.close()
print(h.out)

print("--- errors")
for bad in [b"<a>", b"<a></b>", b"<a>\n\n <x y='1' y='2'/></a>"]:
    try:
        xml.sax.parseString(bad, ContentHandler())
    except xml.sax.SAXParseException as e:
        print(type(e).__name__, e, e.getLineNumber(), e.getColumnNumber(), e.getMessage())

class Lenient(xml.sax.ErrorHandler):
    def fatalError(self, exc):
        print("fatal:", exc)
try:
    xml.sax.parseString(b"<a><b></a>", ContentHandler(), Lenient())
except Exception as e:
    print("after handler", type(e).__name__)

print("--- saxutils")
print(saxutils.escape("<a & b>"), saxutils.unescape("&lt;x&gt;"), saxutils.quoteattr('he said "hi"'))
out = io.StringIO()
g = saxutils.XMLGenerator(out)
xml.sax.parseString(b"<doc a='1'><e>t&lt;</e><!--c--></doc>", g)
print(out.getvalue())
