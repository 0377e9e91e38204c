# socket.gethostbyaddr and gethostbyname_ex return (name, aliases,
# addresses); socket.getfqdn (smtpd, logging's SMTP tests) is built on them.
import socket

name, aliases, addrs = socket.gethostbyaddr("127.0.0.1")
print(type(name).__name__, type(aliases).__name__, addrs)
name, aliases, addrs = socket.gethostbyname_ex("127.0.0.1")
print(name, aliases, addrs)
print(socket.gethostbyname_ex("localhost")[2])
print(type(socket.getfqdn("127.0.0.1")).__name__)
for bad in (None, 1):
    try:
        socket.gethostbyaddr(bad)
    except TypeError as e:
        print("TypeError", e)
print(issubclass(socket.herror, OSError))
