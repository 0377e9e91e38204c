# xml.dom.minidom on pyexpat (expatbuilder): parseString, DOM walking, toxml, toprettyxml, errors
import io
from xml.dom import minidom
from xml.dom.minidom import parseString, Document
import xml.dom.minicompat

doc = parseString(b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE note [<!ENTITY who "World">]>
<note xmlns:h="urn:h" priority="high">
  <to>Tove &amp; &who;</to>
  <h:from h:kind="person">Jani</h:from>
  <!-- remark -->
  <body><![CDATA[Don't <forget>]]> me</body>
  <?app run?>
</note>""")
root = doc.documentElement
print(root.tagName, root.getAttribute("priority"), root.hasAttribute("nope"))
print(doc.doctype.name, [c.nodeType for c in root.childNodes])
for el in root.getElementsByTagName("to"):
    print(el.firstChild.data)
f = root.getElementsByTagNameNS("urn:h", "from")[0]
print(f.namespaceURI, f.prefix, f.localName, f.getAttributeNS("urn:h", "kind"))
body = root.getElementsByTagName("body")[0]
print([(n.nodeName, n.nodeValue) for n in body.childNodes])
print(doc.toxml())
print(root.toprettyxml(indent="  "))
print(type(root.childNodes).__name__, isinstance(root.childNodes, xml.dom.minicompat.NodeList))

d = Document()
top = d.createElement("top")
d.appendChild(top)
item = d.createElement("item")
item.setAttribute("n", "1 < 2")
item.appendChild(d.createTextNode("a & b"))
top.appendChild(item)
top.appendChild(d.createComment("end"))
print(d.toprettyxml(indent=" ", encoding="utf-8"))

doc2 = minidom.parse(io.BytesIO(b"<r><x a='1'/><x a='2'/></r>"))
print([x.getAttribute("a") for x in doc2.getElementsByTagName("x")])
doc2.unlink()

for bad in ["<a>", "<a><b></a>", "<a>&x;</a>"]:
    try:
        parseString(bad)
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "lineno", None), getattr(e, "offset", None))
