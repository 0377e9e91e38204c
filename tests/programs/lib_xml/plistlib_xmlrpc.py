# plistlib (XML plists, parsed by pyexpat) and xmlrpc.client dumps/loads
import datetime
import plistlib
import xmlrpc.client

data = {
    "name": "pvm", "count": 3, "ratio": 0.5, "flag": True, "none_here": False,
    "items": [1, "two", 3.0, {"nested": b"\x00\x01bytes"}],
    "when": datetime.datetime(2024, 1, 2, 3, 4, 5),
    "text": "caf\u00e9 <&>",
}
blob = plistlib.dumps(data)
print(blob.decode())
back = plistlib.loads(blob)
print(back == data, sorted(back))
print(plistlib.loads(plistlib.dumps([1, 2], sort_keys=False)))
print(plistlib.loads(blob, fmt=plistlib.FMT_XML)["items"])
for bad in [b"<plist><dict><key>a</key></dict></plist>", b"<?xml version='1.0'?><plist><array>"]:
    try:
        plistlib.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)

print("--- xmlrpc")
req = xmlrpc.client.dumps((1, "two", [3, 4.5], {"k": True}, None), "method.name", allow_none=True)
print(req)
print(xmlrpc.client.loads(req))
resp = xmlrpc.client.dumps(({"a": [1, 2]},), methodresponse=True)
print(resp)
print(xmlrpc.client.loads(resp))
fault = xmlrpc.client.dumps(xmlrpc.client.Fault(4, "Too many"))
print(fault)
try:
    xmlrpc.client.loads(fault)
except xmlrpc.client.Fault as f:
    print("Fault", f.faultCode, f.faultString)
dt = xmlrpc.client.DateTime(datetime.datetime(2020, 5, 6, 7, 8, 9))
b = xmlrpc.client.Binary(b"\xffdata")
params, _ = xmlrpc.client.loads(xmlrpc.client.dumps((dt, b)))
print([type(p).__name__ for p in params], params[0].value, params[1].data)
print(xmlrpc.client.loads(xmlrpc.client.dumps((dt, b)), use_builtin_types=True)[0])
try:
    xmlrpc.client.loads("<methodResponse><params><param>")
except Exception as e:
    print(type(e).__name__, e)
