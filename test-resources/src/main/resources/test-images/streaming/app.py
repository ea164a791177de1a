"""A token-streaming model server.

Argument: serve. Port: $SAGEMAKER_BIND_TO_PORT (default 8080). GET /ping answers 200.
POST /invocations {"inputs": "some words", "parameters": {"max_new_tokens": n}} answers 200, text/plain, with
HTTP/1.1 chunked encoding: n chunks (default 8), one token each, $STREAM_TOKEN_DELAY_MS (default 50) apart.
Token i is the (i mod k)-th of the k words of "inputs" followed by a space ("token<i> " when it has none).
"""

import json
import os
import sys
import time

from contract import JsonHandler, serve

DELAY_SECONDS = int(os.environ.get("STREAM_TOKEN_DELAY_MS", "50")) / 1000.0


def tokens(inputs, count):
    words = str(inputs).split()
    return [(words[i % len(words)] if words else f"token{i}") + " " for i in range(count)]


class Handler(JsonHandler):
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


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1:], __doc__, "streaming", Handler, f", {DELAY_SECONDS * 1000:.0f} ms between tokens"))
