import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Greetings(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"service": "greetings", "language": "python"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# `python3 -m http.server` uses 8000, so this does too.
server = ThreadingHTTPServer(("127.0.0.1", 8000), Greetings)
print("greetings service listening on port 8000", flush=True)
server.serve_forever()
