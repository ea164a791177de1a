"""A container that serves but never becomes healthy: GET /ping always answers 500.

Argument: serve. Port: $SAGEMAKER_BIND_TO_PORT (default 8080). POST /invocations answers 200 {"predictions": []}.
"""

import sys

from contract import JsonHandler, serve


class Handler(JsonHandler):
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


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1:], __doc__, "unhealthy", Handler))
