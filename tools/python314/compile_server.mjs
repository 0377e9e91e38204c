// compile_server.mjs — pvm's compile service for 3.14 bytecode, one
// CPython 3.14 (pyodide, as py314.mjs) serving every pvm process of a user.
//
//   node compile_server.mjs SOCKET -c PROGRAM
//
// PROGRAM is pvm's loader/compile_service.py, run under another name than
// __main__ so that it only defines its functions.  The server listens on
// the Unix socket SOCKET once the interpreter is loaded (so a connection
// that succeeds is answered at once) and answers each connection as the
// co-process answers pvm on its pipes: first the hello, then one reply per
// request, in order.  Requests are answered one at a time (node runs one
// callback at a time).  It ends, removing SOCKET, after
// PVM_COMPILE_SERVER_IDLE seconds (default 300) without a connection.
//
// pvm does not start it itself: it runs pvm-compile314 (compile_relay.c) as
// its compiler, which connects here, starting this server when none
// answers.  Its output goes to a log next to SOCKET.
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import net from "node:net";

const args = process.argv.slice(2);
if (args.length !== 3 || args[1] !== "-c") {
    process.stderr.write("usage: compile_server.mjs SOCKET -c PROGRAM\n");
    process.exit(2);
}
const [socketPath, , program] = args;

const py = await loadPyodide();
const ns = py.globals.get("dict")();
ns.set("__name__", "pvm_compile_service");
py.runPython(program, { globals: ns });
const serve = ns.get("serve_request");
const hello = Buffer.from(ns.get("hello_frame")().toJs());

// The length of the request at the head of buf (a u32 count, then that
// many fields, each a u32 length and its bytes), or -1 while incomplete.
function requestLength(buf) {
    if (buf.length < 4)
        return -1;
    let at = 4;
    for (let i = buf.readUInt32LE(0); i > 0; i--) {
        if (buf.length < at + 4)
            return -1;
        at += 4 + buf.readUInt32LE(at);
    }
    return at <= buf.length ? at : -1;
}

const idleSeconds = Number(process.env.PVM_COMPILE_SERVER_IDLE) || 300;
let connections = 0, idle = null;

let listening = null;        // the socket file's inode, once listening

// The socket is removed at the end only if it is still this server's (a
// relay that found this server dead may have started another there).
function armIdle() {
    idle = setTimeout(() => {
        try {
            if (fs.statSync(socketPath).ino === listening)
                fs.unlinkSync(socketPath);
        } catch { }
        process.exit(0);
    }, idleSeconds * 1000);
}

const server = net.createServer((conn) => {
    connections++;
    clearTimeout(idle);
    let pending = Buffer.alloc(0);
    conn.on("data", (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        let n;
        while ((n = requestLength(pending)) >= 0) {
            const reply = serve(new Uint8Array(pending.subarray(0, n)));
            conn.write(Buffer.from(reply.toJs()));
            reply.destroy();
            pending = pending.subarray(n);
        }
    });
    conn.on("error", () => conn.destroy());
    conn.on("close", () => {
        if (--connections === 0)
            armIdle();
    });
    conn.write(hello);
});
server.on("error", (e) => {
    process.stderr.write(`compile_server.mjs: ${socketPath}: ${e.message}\n`);
    process.exit(1);
});
server.listen(socketPath, () => {
    listening = fs.statSync(socketPath).ino;
    armIdle();
});
