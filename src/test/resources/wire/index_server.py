"""Serves a PyPI-compatible index through a real Python WSGI server, to test clients against servers' connection habits.

The index itself is the test suite's TestIndex (upstream); this app relays every request to it and every answer back
(status line, headers, body; the upstream's absolute URLs rewritten to this server's), so what changes is only how the
connection behaves, and that is the real server's doing:

  wsgiref         Python's wsgiref: answers HTTP/1.0 and closes the connection after each answer, without saying so
  wsgiref-http11  the same server answering HTTP/1.1 (its handler's http_version): it still closes after each answer,
                  without a "Connection: close"
  paste           Paste's httpserver: HTTP/1.0, closes after each answer
  gunicorn        gunicorn's sync worker: HTTP/1.1 with "Connection: close"
  gunicorn-idle   gunicorn's gthread worker, --keep-alive 1: keeps connections alive, closes them after 1 s idle
  waitress        waitress, channel_timeout 1 s: keeps connections alive, closes them after about 1 s idle

Usage: index_server.py SERVER UPSTREAM_BASE_URL PORT_FILE [FALLBACK_URL [STATUS]]. The port it listens on (127.0.0.1) is
written to PORT_FILE once it accepts connections. It runs until killed.

With FALLBACK_URL, a simple page the upstream does not have (404) is answered as pypiserver answers it: a redirect to
FALLBACK_URL/<project>/ (pypiserver 2.4.1 pypiserver/_app.py, simple(), line 305: `return redirect(f"{config.fallback_url...}
/{project}/")` unless --disable-fallback; its fallback_url defaults to https://pypi.org/simple/). bottle's redirect()
picks the status: 303 for an HTTP/1.1 request, 302 otherwise (STATUS 302 gives 302 whatever the request, as a
server for HTTP/1.0 clients would), with an empty body.
"""
import http.client
import os
import re
import sys
import urllib.parse

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
              "content-length", "server", "date"}
TEXT_TYPES = ("json", "html", "text")
MAX_TEXT = 64 << 20
CHUNK = 64 << 10


SIMPLE_PAGE = re.compile(r"^/simple/([^/]+)/$")


def make_app(upstream, fallback=None, fallback_status=None):
    up = urllib.parse.urlsplit(upstream)
    upstream_base = upstream.rstrip("/") + "/"

    def app(environ, start_response):
        own_base = "http://%s/" % environ["HTTP_HOST"]
        path = environ.get("PATH_INFO", "/")
        query = environ.get("QUERY_STRING", "")
        target = urllib.parse.quote(path, safe="/:@!$&'()*+,;=~-._") + ("?" + query if query else "")
        headers = {}
        for key, value in environ.items():
            if key.startswith("HTTP_") and key not in ("HTTP_HOST", "HTTP_CONNECTION", "HTTP_KEEP_ALIVE"):
                headers[key[5:].replace("_", "-").title()] = value
        if environ.get("CONTENT_TYPE"):
            headers["Content-Type"] = environ["CONTENT_TYPE"]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        conn = http.client.HTTPConnection(up.hostname, up.port, timeout=30)
        conn.putrequest(environ["REQUEST_METHOD"], target, skip_accept_encoding=True)
        for key, value in headers.items():
            conn.putheader(key, value)
        conn.putheader("Content-Length", str(length))
        conn.endheaders()
        body = environ["wsgi.input"]
        left = length
        while left > 0:
            data = body.read(min(CHUNK, left))
            if not data:
                # The client went away mid-body: the index must not wait for the rest.
                conn.close()
                raise ConnectionError("the request body ended %d bytes early" % left)
            conn.send(data)
            left -= len(data)
        answer = conn.getresponse()
        simple = SIMPLE_PAGE.match(path)
        if fallback and answer.status == 404 and environ["REQUEST_METHOD"] == "GET" and simple:
            answer.read()
            conn.close()
            http11 = environ.get("SERVER_PROTOCOL") == "HTTP/1.1" and fallback_status != "302"
            status = "303 See Other" if http11 else "302 Found"
            location = fallback.rstrip("/") + "/" + simple.group(1) + "/"
            start_response(status, [("Location", location), ("Content-Length", "0")])
            return [b""]
        out_headers = [(k, v) for k, v in answer.getheaders() if k.lower() not in HOP_BY_HOP]
        content_type = answer.getheader("Content-Type", "")
        if any(t in content_type for t in TEXT_TYPES):
            text = answer.read(MAX_TEXT).replace(upstream_base.encode(), own_base.encode())
            conn.close()
            out_headers = [(k, v.replace(upstream_base, own_base)) for k, v in out_headers]
            start_response("%d %s" % (answer.status, answer.reason), out_headers + [("Content-Length", str(len(text)))])
            return [text]
        size = answer.getheader("Content-Length")
        start_response("%d %s" % (answer.status, answer.reason),
                       out_headers + ([("Content-Length", size)] if size is not None else []))

        def stream():
            try:
                while True:
                    data = answer.read(CHUNK)
                    if not data:
                        break
                    yield data
            finally:
                conn.close()
        return stream()

    return app


def announce(port_file, port):
    tmp = port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(port))
    os.replace(tmp, port_file)


def serve_wsgiref(app, port_file, http_version):
    from wsgiref import simple_server

    class Handler(simple_server.WSGIRequestHandler):
        def log_message(self, *args):
            pass

    # The status line's version is the handler's setting; one request per connection is the server's way either way.
    simple_server.ServerHandler.http_version = http_version
    server = simple_server.make_server("127.0.0.1", 0, app, handler_class=Handler)
    announce(port_file, server.server_port)
    server.serve_forever()


def serve_paste(app, port_file):
    from paste import httpserver
    server = httpserver.serve(app, host="127.0.0.1", port="0", start_loop=False)
    announce(port_file, server.server_port)
    server.serve_forever()


def serve_waitress(app, port_file):
    import waitress.server
    server = waitress.server.create_server(app, host="127.0.0.1", port=0, channel_timeout=1, cleanup_interval=1)
    announce(port_file, server.effective_port)
    server.run()


def serve_gunicorn(app, port_file, idle):
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", "127.0.0.1:0")
            self.cfg.set("workers", 1)
            self.cfg.set("loglevel", "warning")
            if idle:
                self.cfg.set("worker_class", "gthread")
                self.cfg.set("threads", 4)
                self.cfg.set("keepalive", 1)
            self.cfg.set("when_ready", lambda arbiter: announce(port_file, arbiter.LISTENERS[0].sock.getsockname()[1]))

        def load(self):
            return app

    Server().run()


def main():
    server, upstream, port_file = sys.argv[1:4]
    app = make_app(upstream, *sys.argv[4:6])
    if server == "wsgiref":
        serve_wsgiref(app, port_file, "1.0")
    elif server == "wsgiref-http11":
        serve_wsgiref(app, port_file, "1.1")
    elif server == "paste":
        serve_paste(app, port_file)
    elif server == "waitress":
        serve_waitress(app, port_file)
    elif server == "gunicorn":
        serve_gunicorn(app, port_file, idle=False)
    elif server == "gunicorn-idle":
        serve_gunicorn(app, port_file, idle=True)
    else:
        sys.exit("unknown server " + server)


if __name__ == "__main__":
    main()
