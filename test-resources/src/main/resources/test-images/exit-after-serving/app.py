"""A container that serves, then dies.

Argument: serve. Port: $SAGEMAKER_BIND_TO_PORT (default 8080). GET /ping answers 200; POST /invocations answers
200 {"predictions": [n]} for the n-th invocation. After the $EXIT_AFTER_INVOCATIONS-th invocation (default 1;
0 means at start-up, before serving) it has answered, the process
  EXIT_MODE=code (default)  exits with $EXIT_CODE (default 3)
  EXIT_MODE=oom             allocates memory until the kernel's OOM killer ends it (run it with a memory limit)
"""

import os
import sys

from contract import JsonHandler, serve

EXIT_AFTER = int(os.environ.get("EXIT_AFTER_INVOCATIONS", "1"))
EXIT_CODE = int(os.environ.get("EXIT_CODE", "3"))
EXIT_MODE = os.environ.get("EXIT_MODE", "code")

invocations = 0


def leave():
    if EXIT_MODE == "oom":
        print("exit-after-serving: allocating memory until killed", flush=True)
        hoard = []
        while True:
            # b"\x01" * n writes every page, so the memory is really resident (a zeroed buffer may not be).
            hoard.append(b"\x01" * (8 * 1024 * 1024))
    print(f"exit-after-serving: exiting with {EXIT_CODE} after {invocations} invocations", flush=True)
    os._exit(EXIT_CODE)


class Handler(JsonHandler):
    def do_GET(self):
        if self.path == "/ping":
            self.answer(200, {})
        else:
            self.answer(404, {"message": "not found"})

    def do_POST(self):
        global invocations
        if self.path != "/invocations":
            self.answer(404, {"message": "not found"})
            return
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        invocations += 1
        self.answer(200, {"predictions": [invocations]})
        if invocations >= EXIT_AFTER:
            self.wfile.flush()
            leave()


def main(argv):
    if EXIT_MODE not in ("code", "oom"):
        print(f"EXIT_MODE must be code or oom, not {EXIT_MODE!r}", file=sys.stderr)
        return 2
    if argv == ["serve"] and EXIT_AFTER <= 0:
        leave()
    # One thread: invocations are counted in order and the exit follows the answer it was counted with.
    return serve(argv, __doc__, "exit-after-serving", Handler, f", {EXIT_MODE} after {EXIT_AFTER}", threading=False)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
