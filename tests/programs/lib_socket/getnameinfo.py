# socket.getnameinfo((host, port[, flowinfo, scope_id]), flags): a numeric
# address only (a name is gaierror), IPv4 with a 2-tuple only, flowinfo at
# most 0xfffff; the host and service named as the NI_* flags ask; the
# argument errors of CPython's "si|II" format (asyncio's loop.getnameinfo
# calls it).
import socket
for args in ((("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV),
             (("127.0.0.1", 80), socket.NI_NUMERICHOST),
             (("::1", 443, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV),
             (("::1", 53), socket.NI_NUMERICHOST),
             (("127.0.0.1", 80, 0, 0), 0),
             (("::1", 1, 0x100000, 0), 0),
             (("localhost", 80), 0),
             (["127.0.0.1", 80], 0),
             (("127.0.0.1",), 0),
             ((1, 80), 0),
             (("127.0.0.1", "80"), 0),
             (("127.0.0.1", 2**40), 0),
             (("127.0.0.1", 80), "x")):
    try:
        print(socket.getnameinfo(*args))
    except Exception as e:
        print(type(e).__name__, e)
