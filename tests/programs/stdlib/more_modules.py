# Standard modules beyond issue 10's list, as real programs use them: configparser, email, html, urllib.parse, ipaddress, getopt, optparse, graphlib, tomllib, tarfile, zipfile, linecache, tokenize, ast, mimetypes, sched, shelve, fileinput, colorsys, quopri, string.Template
import ast, colorsys, configparser, email.message, email.utils, getopt, graphlib, html, io, ipaddress, linecache, mimetypes, optparse, os, quopri, sched, shelve, tarfile, tempfile, tokenize, tomllib, zipfile
import urllib.parse
from email import message_from_string
from email.mime.text import MIMEText

cp = configparser.ConfigParser()
cp.read_string("[DEFAULT]\nroot = /srv\n[app]\npath = %(root)s/app\nport = 8080\ndebug = yes\n")
print(cp.sections(), cp["app"]["path"], cp.getint("app", "port"), cp.getboolean("app", "debug"), dict(cp["app"]))
out = io.StringIO()
cp.write(out)
print(out.getvalue(), end="")

m = email.message.EmailMessage()
m["Subject"] = "Hello"
m["To"] = "a@example.com"
m.set_content("body text\n")
print(m["Subject"], m.get_content_type(), m.get_content().strip(), email.utils.parseaddr("Ann <ann@x.org>"))
parsed = message_from_string("From: b@x\nSubject: hi\n\npayload\n")
print(parsed["Subject"], parsed.get_payload().strip(), MIMEText("x").get_content_type())

print(html.escape("<a href='x'>&</a>"), html.unescape("&lt;&amp;&#x41;&eacute;"))
u = urllib.parse.urlparse("https://user@example.com:8443/p/a?q=1&r=two#frag")
print(u.scheme, u.hostname, u.port, u.path, urllib.parse.parse_qs(u.query), urllib.parse.quote("a b/c"), urllib.parse.urlencode({"k": "v w"}), urllib.parse.urljoin("http://h/a/b", "../c"))

net = ipaddress.ip_network("192.168.1.0/28")
print(net.num_addresses, list(net.hosts())[:3], ipaddress.ip_address("10.0.0.1") in ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_address("::1").is_loopback)

print(getopt.getopt(["-a", "-b", "val", "--long=x", "rest"], "ab:", ["long="]))
op = optparse.OptionParser()
op.add_option("-n", type="int", dest="n", default=1)
op.add_option("-v", action="store_true", dest="verbose")
opts, args = op.parse_args(["-n", "5", "-v", "file"])
print(opts.n, opts.verbose, args)

ts = graphlib.TopologicalSorter({"b": {"a"}, "c": {"b", "a"}, "d": {"c"}})
print(list(ts.static_order()))
print(tomllib.loads('title = "t"\n[owner]\nname = "x"\nnums = [1, 2]\n'))

with tempfile.TemporaryDirectory() as d:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        data = b"tar member\n"
        info = tarfile.TarInfo("member.txt")
        info.size = len(data)
        info.mtime = 0
        tf.addfile(info, io.BytesIO(data))
    buf.seek(0)
    with tarfile.open(fileobj=buf) as tf:
        print(tf.getnames(), tf.extractfile("member.txt").read())
    zpath = os.path.join(d, "z.zip")
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", "zipped " * 10)
    with zipfile.ZipFile(zpath) as zf:
        print(zf.namelist(), zf.read("a.txt")[:13], zf.getinfo("a.txt").file_size)
    src = os.path.join(d, "mod.py")
    with open(src, "w") as f:
        f.write("x = 1\ndef f(a):\n    return a + 2\n")
    print(repr(linecache.getline(src, 2)), len(linecache.getlines(src)))
    with open(src, "rb") as f:
        print([(tokenize.tok_name[t.type], t.string) for t in tokenize.tokenize(f.readline)][:8])
    db = shelve.open(os.path.join(d, "shelf"))
    db["k"] = {"nested": [1, 2]}
    db.close()
    with shelve.open(os.path.join(d, "shelf")) as db:
        print(dict(db))

tree = ast.parse("def g(x):\n    return x * 2 + 1\n")
print(ast.dump(tree.body[0].body[0]), ast.unparse(tree), ast.literal_eval("{'a': [1, 2.5, None]}"))
print(mimetypes.guess_type("photo.jpg"), mimetypes.guess_extension("text/html"))
clock = [0]
s = sched.scheduler(lambda: clock[0], lambda t: clock.__setitem__(0, clock[0] + t))
s.enter(2, 1, print, ("second",))
s.enter(1, 1, print, ("first",))
s.run()
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4), quopri.encodestring(b"caf\xe9 = ok"))
