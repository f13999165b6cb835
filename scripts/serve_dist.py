#!/usr/bin/env python3
"""Serves a built dist/ folder the way a production static host should: files as they are,
and index.html for any other path, so deep links and reloads reach the app's router.

Usage: serve_dist.py [DIST] [PORT] [CONFIG]   (defaults: dist 8090; binds 127.0.0.1 only)
CONFIG, if given, is served as /config.json instead of the built one, to point the form at
another endpoint without touching dist/.
"""
import functools
import http.server
import io
import os
import sys


class SpaHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }

    config = None

    def send_head(self):
        if self.config and self.path.split("?")[0] == "/config.json":
            self.path = "/config.json"
            body = open(self.config, "rb").read()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return io.BytesIO(body)
        path = self.translate_path(self.path)
        if not os.path.isfile(path):
            # Not a file: a route of the app. index.html lets the router decide (and show
            # its own not-found page), as nginx's `try_files $uri /index.html` does.
            self.path = "/index.html"
        return super().send_head()

    def log_message(self, *args):
        pass


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8090
    SpaHandler.config = sys.argv[3] if len(sys.argv) > 3 else None
    handler = functools.partial(SpaHandler, directory=dist)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving {dist} on http://127.0.0.1:{port}/", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
