# pyexpat: every handler's arguments, buffer_text, ordered/specified attributes, namespaces, intern
import pyexpat
from xml.parsers import expat

DOC = b"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root SYSTEM "root.dtd" [
  <!ELEMENT root (item+, (a|b)*, c?)>
  <!ELEMENT item (#PCDATA|em)*>
  <!ELEMENT em EMPTY>
  <!ELEMENT any ANY>
  <!ATTLIST item id ID #REQUIRED kind CDATA "plain" flag (yes|no) #IMPLIED>
  <!ENTITY greeting "hello &amp; welcome">
  <!ENTITY ext SYSTEM "ext.xml">
  <!ENTITY logo SYSTEM "logo.gif" NDATA gif>
  <!NOTATION gif PUBLIC "-//GIF//EN" "gif.exe">
]>
<?target some data?>
<root xmlns:x="http://x.example/" x:attr="1">
  <!-- a comment -->
  <item id="i1">text &greeting; <em/> tail</item>
  <item id="i2" kind="special"><![CDATA[<raw> & stuff]]></item>
  <x:thing>caf\xc3\xa9 &#x263A;</x:thing>
</root>
"""

events = []

def make(name):
    def handler(*args):
        events.append((name,) + args)
    return handler

NAMES = ["StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
         "CharacterDataHandler", "UnparsedEntityDeclHandler", "NotationDeclHandler",
         "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
         "StartCdataSectionHandler", "EndCdataSectionHandler", "StartDoctypeDeclHandler",
         "EndDoctypeDeclHandler", "EntityDeclHandler", "XmlDeclHandler", "ElementDeclHandler",
         "AttlistDeclHandler", "SkippedEntityHandler", "NotStandaloneHandler"]

def run(**kw):
    events.clear()
    p = expat.ParserCreate(**kw)
    for n in NAMES:
        setattr(p, n, make(n))
    p.NotStandaloneHandler = lambda: events.append(("NotStandalone",)) or 1
    return p

p = run()
print(p.Parse(DOC, True))
for e in events:
    print(e)
print(p.ErrorCode, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)

print("--- namespaces, buffer_text, ordered, specified")
p = run(namespace_separator="!")
p.buffer_text = True
p.ordered_attributes = True
p.specified_attributes = True
p.Parse(DOC, True)
for e in events:
    print(e)
print(p.buffer_text, p.buffer_size, p.buffer_used, p.ordered_attributes, p.specified_attributes)

print("--- namespace_prefixes")
p = run(namespace_separator=" ")
p.namespace_prefixes = True
p.Parse(b"<a xmlns='urn:a' xmlns:p='urn:p'><p:b p:c='1'/></a>", True)
for e in events:
    print(e)

print("--- intern")
d = {}
p = expat.ParserCreate(intern=d)
names = []
p.StartElementHandler = lambda n, a: names.append(n)
p.Parse("<a><a/><b a='x'/></a>", True)
print(sorted(d), names[0] is names[1], p.intern is d)
p = expat.ParserCreate(intern=None)
print(p.intern)

print("--- feeding in pieces")
p = run()
p.buffer_text = True
for piece in [b"<r>ab", b"cd<x/>e", b"f</r>"]:
    print(p.Parse(piece))
print(p.Parse(b"", True))
for e in events:
    print(e)

print("--- buffer_size")
p = expat.ParserCreate()
p.buffer_text = True
p.buffer_size = 4
chunks = []
p.CharacterDataHandler = chunks.append
p.Parse("<r>0123456789<x/>ab</r>", True)
print(chunks)

print("--- default handlers")
for attr in ("DefaultHandler", "DefaultHandlerExpand"):
    p = expat.ParserCreate()
    out = []
    setattr(p, attr, out.append)
    p.Parse(b"<!DOCTYPE r [<!ENTITY e 'E'>]><r a='1'>x&e;<!--c--></r>", True)
    print(attr, out)

print("--- handler attributes")
p = expat.ParserCreate()
print(p.StartElementHandler)
f = lambda *a: None
p.StartElementHandler = f
print(p.StartElementHandler is f)
p.StartElementHandler = None
print(p.StartElementHandler)
