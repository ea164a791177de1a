"""A token-streaming model server.

Argument: serve. Port: $SAGEMAKER_BIND_TO_PORT (default 8080). GET /ping answers 200.
POST /invocations {"inputs": "some words", "parameters": {"max_new_tokens": n}} answers 200, text/plain, with
HTTP/1.1 chunked encoding: n chunks (default 8), one token each, $STREAM_TOKEN_DELAY_MS (default 50) apart.
Token i is the (i mod k)-th of the k words of "inputs" followed by a space ("token<i> " when it has none).
"""

import json
import os
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DELAY_SECONDS = int(os.environ.get("STREAM_TOKEN_DELAY_MS", "50")) / 1000.0


def tokens(inputs, count):
    words = str(inputs).split()
    return [(words[i % len(words)] if words else f"token{i}") + " " for i in range(count)]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/ping":
            self.answer(200, {})
        else:
            self.answer(404, {"message": "not found"})

    def do_POST(self):
        if self.path != "/invocations":
            self.answer(404, {"message": "not found"})
            return
        try:
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
            count = int(request.get("parameters", {}).get("max_new_tokens", 8))
            generated = tokens(request.get("inputs", ""), count)
        except (ValueError, AttributeError) as e:
            self.answer(400, {"message": f"bad input: {e}"})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for i, token in enumerate(generated):
            if i > 0:
                time.sleep(DELAY_SECONDS)
            data = token.encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main(argv):
    if argv != ["serve"]:
        print(f"{__doc__}\nunknown arguments: {argv}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    port = int(os.environ.get("SAGEMAKER_BIND_TO_PORT", "8080"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    server.daemon_threads = True
    print(f"streaming: listening on 0.0.0.0:{port}, {DELAY_SECONDS * 1000:.0f} ms between tokens", flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
