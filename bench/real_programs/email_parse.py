# email's BytesParser with the default policy over a multipart message, 300 times.
import email, email.policy
from email.parser import BytesParser
msg = b"""From: A <a@example.com>\r\nTo: B <b@example.com>\r\nSubject: =?utf-8?q?caf=C3=A9?= report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="XX"\r\n\r\n--XX\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHello caf=C3=A9 world\r\n--XX\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAECAwQFBgcICQ==\r\n--XX--\r\n"""
n = 0
for i in range(300):
    m = BytesParser(policy=email.policy.default).parsebytes(msg)
    n += len(m['subject']) + len(m.get_body(('plain',)).get_content())
print(n)
