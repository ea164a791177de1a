"""What the small test images share: an answer in JSON, and SageMaker's `serve` entry point on
$SAGEMAKER_BIND_TO_PORT (default 8080), ending on SIGTERM."""

import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer


class JsonHandler(BaseHTTPRequestHandler):
    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if self.protocol_version == "HTTP/1.0":
            # HTTP/1.0 closes after each answer; saying so keeps pooling clients (the JDK's) from reusing the socket.
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)


def serve(argv, doc, name, handler, describe="", threading=True):
    """Runs `handler` as SageMaker runs an image: only with the argument `serve`."""
    if argv != ["serve"]:
        print(f"{doc}\nunknown arguments: {argv}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    port = int(os.environ.get("SAGEMAKER_BIND_TO_PORT", "8080"))
    server = (ThreadingHTTPServer if threading else HTTPServer)(("0.0.0.0", port), handler)
    server.daemon_threads = True
    print(f"{name}: listening on 0.0.0.0:{port}{describe}", flush=True)
    server.serve_forever()
    return 0
