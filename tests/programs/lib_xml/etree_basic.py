# xml.etree.ElementTree on pyexpat: parse, fromstring, iterparse, XMLPullParser, tostring, namespaces, errors
import io
import xml.etree.ElementTree as ET

DOC = """<?xml version="1.0"?>
<library xmlns="urn:lib" xmlns:b="urn:book">
  <!-- catalogue -->
  <b:book id="1" lang="en"><b:title>Dune</b:title><b:year>1965</b:year></b:book>
  <b:book id="2"><b:title>Solaris &amp; more</b:title><b:year>1961</b:year></b:book>
  <shelf name="empty"/>
  text &#169; <?pi data?>
</library>"""

root = ET.fromstring(DOC)
print(root.tag, root.attrib, repr(root.text))
for child in root:
    print(child.tag, sorted(child.attrib.items()), repr(child.text), repr(child.tail))
ns = {"b": "urn:book", "l": "urn:lib"}
for book in root.findall("b:book", ns):
    print(book.get("id"), book.find("b:title", ns).text, book.findtext("b:year", namespaces=ns))
print([e.tag for e in root.iter()])
print(root.find("l:shelf", ns).attrib)
print(ET.tostring(root, encoding="unicode"))
print(ET.tostring(root))
print(ET.tostring(ET.fromstring("<a><b>x</b><c/></a>"), method="text"))

tree = ET.parse(io.BytesIO(DOC.encode()))
print(type(tree).__name__, tree.getroot().tag)
out = io.BytesIO()
tree.write(out, encoding="utf-8", xml_declaration=True)
print(out.getvalue()[:80])

print("--- iterparse")
for event, elem in ET.iterparse(io.BytesIO(DOC.encode()), events=("start", "end", "start-ns", "end-ns", "comment", "pi")):
    if event in ("start", "end"):
        print(event, elem.tag)
    elif event == "start-ns":
        print(event, elem)
    else:
        print(event, elem.text if hasattr(elem, "text") else elem)

print("--- XMLPullParser")
pp = ET.XMLPullParser(events=("start", "end"))
for piece in ["<root><a x='1'>", "hello</a><b/>", "</root>"]:
    pp.feed(piece)
    print([(ev, el.tag) for ev, el in pp.read_events()])
pp.close()

print("--- TreeBuilder / XMLParser")
class Target:
    def __init__(self):
        self.log = []
    def start(self, tag, attrib):
        self.log.append(("start", tag, attrib))
    def end(self, tag):
        self.log.append(("end", tag))
    def data(self, data):
        self.log.append(("data", data))
    def comment(self, text):
        self.log.append(("comment", text))
    def close(self):
        return self.log
parser = ET.XMLParser(target=Target())
parser.feed("<a k='v'>x<!-- c --><b>y</b></a>")
for item in parser.close():
    print(item)
print(ET.XMLParser().version.startswith("Expat"))

print("--- building")
a = ET.Element("a", {"k": "v"})
b = ET.SubElement(a, "b")
b.text = "<&>"
ET.SubElement(a, "{urn:x}c").set("q", '"')
print(ET.tostring(a, encoding="unicode"))
ET.indent(a)
print(ET.tostring(a, encoding="unicode"))
ET.register_namespace("xx", "urn:x")
print(ET.tostring(a, encoding="unicode"))
print(ET.tostring(ET.fromstring("<a>caf\u00e9</a>"), encoding="us-ascii"))
print(ET.canonicalize("<a b='2' a='1'><!--c--><x/></a>"))

print("--- errors")
for bad in ["<a>", "<a></b>", "", "<a>\n<b>\n</a>", "<a x='1' x='2'/>", "<a>&undef;</a>", "<a/>junk", "<?xml version='1.0'?><a><</a>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(type(e).__name__, e, e.code, e.position)
try:
    list(ET.iterparse(io.BytesIO(b"<a><b></a>")))
except ET.ParseError as e:
    print("iterparse", e, e.position)
pp = ET.XMLPullParser()
pp.feed("<a>")
try:
    pp.close()
except ET.ParseError as e:
    print("pull", e)
