import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Greetings(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"service": "greetings", "language": "python"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def port_from(value):
    """PORT as a number, 5000 in development when it is unset, or a clear stop."""
    if not value:
        return 5000
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        sys.exit(f'PORT must be a whole number from 1 to 65535, but it is "{value}".')
    return int(value)


host = os.environ.get("HOST") or "127.0.0.1"
port = port_from(os.environ.get("PORT"))

server = ThreadingHTTPServer((host, port), Greetings)
print(f"greetings service listening on http://{host}:{port}", flush=True)
server.serve_forever()
