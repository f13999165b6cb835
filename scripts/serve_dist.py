#!/usr/bin/env python3
"""Serves built files the way a production static host should: files as they are, and a
page for any other path under its prefix, so deep links and reloads reach the app's router
(nginx's `try_files $uri /index.html`). Binds 127.0.0.1 only.

Usage:
  serve_dist.py [--port 8090] [--config FILE] [--route PREFIX=DIR_OR_FILE]... [DIST]

  DIST                  shorthand for the app on a site of its own:
                        --route /=DIST --route /=DIST/index.html
  --route PREFIX=DIR    files under PREFIX come from DIR
  --route PREFIX=FILE   any other path under PREFIX gets FILE (the SPA fallback)
  --config FILE         served as config.json beside the app (at the prefix of DIST, or of
                        the directory route that holds the app), to point the form at
                        another endpoint without touching the build

The longest matching prefix wins; a file that exists beats a fallback page.
"""
import argparse
import http.server
import io
import os


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }
    dirs = []  # (prefix, directory), longest prefix first
    pages = []  # (prefix, file), longest prefix first
    config = None  # (url path, file)

    def send_head(self):
        path = self.path.split("?")[0].split("#")[0]
        if self.config and path == self.config[0]:
            return self.send_bytes(open(self.config[1], "rb").read(), "application/json")
        for prefix, directory in self.dirs:
            if path.startswith(prefix):
                local = os.path.join(directory, path[len(prefix):].lstrip("/"))
                if os.path.isdir(local):
                    local = os.path.join(local, "index.html")
                if os.path.isfile(local) and os.path.realpath(local).startswith(
                    os.path.realpath(directory)
                ):
                    return self.send_file(local)
        for prefix, page in self.pages:
            if path.startswith(prefix) or path == prefix.rstrip("/"):
                # A route of an app: the page lets its router decide (and show its own
                # not-found page).
                return self.send_file(page)
        self.send_error(404, "Not found")
        return None

    def send_file(self, local):
        ctype = self.guess_type(local)
        return self.send_bytes(open(local, "rb").read(), ctype)

    def send_bytes(self, body, ctype):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        # Always fresh: tests and developers rebuild under the same names.
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dist", nargs="?")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--config")
    parser.add_argument("--route", action="append", default=[])
    args = parser.parse_args()

    routes = [r.split("=", 1) for r in args.route]
    if args.dist:
        routes += [("/", args.dist), ("/", os.path.join(args.dist, "index.html"))]
    if not routes:
        parser.error("give DIST or at least one --route")
    for prefix, target in routes:
        if not prefix.startswith("/") or not os.path.exists(target):
            parser.error(f"bad route {prefix}={target}")
        (Handler.dirs if os.path.isdir(target) else Handler.pages).append((prefix, target))
    Handler.dirs.sort(key=lambda r: -len(r[0]))
    Handler.pages.sort(key=lambda r: -len(r[0]))
    if args.config:
        # Beside the app's files: the directory route that holds the built index or loader.
        app = next(
            (p for p, d in Handler.dirs if os.path.exists(os.path.join(d, "hcnf.js"))),
            "/",
        )
        Handler.config = (app.rstrip("/") + "/config.json", args.config)

    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler) as server:
        print(f"serving on http://127.0.0.1:{args.port}/", flush=True)
        for prefix, target in Handler.dirs + Handler.pages:
            print(f"  {prefix} -> {target}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
