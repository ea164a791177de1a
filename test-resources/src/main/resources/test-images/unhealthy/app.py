"""A container that serves but never becomes healthy: GET /ping always answers 500.

Argument: serve. Port: $SAGEMAKER_BIND_TO_PORT (default 8080). POST /invocations answers 200 {"predictions": []}.
"""

import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/ping":
            self.answer(500, {"message": "never healthy"})
        else:
            self.answer(404, {"message": "not found"})

    def do_POST(self):
        if self.path == "/invocations":
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.answer(200, {"predictions": []})
        else:
            self.answer(404, {"message": "not found"})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        # HTTP/1.0 closes after each answer; saying so keeps pooling clients (the JDK's) from reusing the socket.
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)


def main(argv):
    if argv != ["serve"]:
        print(f"{__doc__}\nunknown arguments: {argv}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    port = int(os.environ.get("SAGEMAKER_BIND_TO_PORT", "8080"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    print(f"unhealthy: listening on 0.0.0.0:{port}", flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
