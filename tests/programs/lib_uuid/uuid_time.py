# uuid: uuid1 from the system generator (_uuid on libuuid), and what stays the same from run to run
import _uuid
import uuid

print(_uuid.has_uuid_generate_time_safe)
raw, safe = _uuid.generate_time_safe()
print(type(raw).__name__, len(raw), safe in (-1, 0, 1))
print(uuid._generate_time_safe is _uuid.generate_time_safe)
u, v = uuid.uuid1(), uuid.uuid1()
print(u.version, u.variant, u != v, u.node == v.node, u.time <= v.time)
n = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
print(hex(n.node), hex(n.clock_seq), n.version)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "x"))
print(uuid.UUID(bytes=raw).version)
