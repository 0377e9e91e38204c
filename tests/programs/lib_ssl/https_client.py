# HTTPS end to end: http.server wrapped with ssl in a thread, then
# urllib.request.urlopen and http.client.HTTPSConnection against it, with
# a verifying context; a client without the CA fails as urllib reports it.
import http.client
import http.server
import os
import ssl
import threading
import urllib.error
import urllib.request

HERE = '/usr/lib/python3.11/test'

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ('you asked for %s over %s' % (self.path, self.connection.version())).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = self.rfile.read(int(self.headers['Content-Length']))
        self.send_response(201)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data.upper())

    def log_message(self, *args):
        pass

server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(HERE, 'keycert3.pem'))
httpd = http.server.HTTPServer(('localhost', 0), Handler)
httpd.socket = server_ctx.wrap_socket(httpd.socket, server_side=True)
port = httpd.server_address[1]
t = threading.Thread(target=httpd.serve_forever, kwargs={'poll_interval': 0.05})
t.start()

def client():
    client_ctx = ssl.create_default_context(cafile=os.path.join(HERE, 'pycacert.pem'))
    url = 'https://localhost:%d/hello?x=1' % port
    with urllib.request.urlopen(url, context=client_ctx) as r:
        print(r.status, r.headers['Content-Type'], r.read())

    conn = http.client.HTTPSConnection('localhost', port, context=client_ctx)
    conn.request('POST', '/echo', body=b'posted data')
    print(conn.sock.version(), conn.sock.getpeercert()['subject'][-1])
    r = conn.getresponse()
    print(r.status, r.read())
    conn.request('GET', '/again')
    r = conn.getresponse()
    print(r.status, r.read())
    conn.close()

    try:
        urllib.request.urlopen(url, context=ssl.create_default_context())
    except urllib.error.URLError as e:
        print('URLError', type(e.reason).__name__, e.reason.verify_message)


try:
    client()
finally:
    httpd.shutdown()
    t.join()
    httpd.server_close()
