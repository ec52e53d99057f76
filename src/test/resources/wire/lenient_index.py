"""A package index that keeps whatever part of an upload arrived, as pypiserver does behind a server that hands a cut-off
body on (wsgiref, Paste): the routes mirror pypiserver 2.4.1 pypiserver/_app.py, served by Python's wsgiref.

  POST /                 update() (lines 204-219): 400 "Missing ':action' field!" for a form without one, 400
                         "Unsupported ':action' field: …" for an action other than file_upload (verify, submit,
                         doc_upload and remove_pkg are left out); then file_upload() (line 152):
                         `request.files.get("content")`, 409 if the file exists (400 for twine's User-Agent), else the
                         part is stored as it is (`config.backend.add_package`), digests unchecked
  GET /simple/<p>/       simple() (line 293): 404 for a project it does not have (as with --disable-fallback), else a PEP 503 page
                         whose links end in #sha256=<digest> (`pkg.fname_and_hash`, hash_algo sha256 by default)
  GET /packages/<file>   the stored file

bottle (Debian's python3-bottle; pypiserver vendors the same 0.12 line) parses the form with cgi.FieldStorage, which
ends a part at the end of the input: a body cut off in the middle of the file leaves the file's first bytes stored
under its name (seen with pypiserver 2.4.1 on wsgiref: 1258 of 2558 bytes kept, answer 200) when its :action came
before the file; a body cut off before its :action is refused (seen there too: 400, nothing stored).

Usage: lenient_index.py PACKAGE_DIR PORT_FILE. The port it listens on (127.0.0.1) is written to PORT_FILE once it
accepts connections. It runs until killed.
"""
import hashlib
import os
import re
import sys
from wsgiref import simple_server

import bottle

packages, port_file = sys.argv[1:3]
app = bottle.Bottle()


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


@app.post("/")
def update():
    try:
        action = bottle.request.forms[":action"]
    except KeyError:
        raise bottle.HTTPError(400, "Missing ':action' field!")
    if action != "file_upload":
        raise bottle.HTTPError(400, "Unsupported ':action' field: %s" % action)
    file_upload()
    return ""


def file_upload():
    upload = bottle.request.files.get("content")
    if not upload:
        raise bottle.HTTPError(400, "Missing 'content' file-field!")
    target = os.path.join(packages, upload.raw_filename)
    if os.path.exists(target):
        code = 400 if "twine" in bottle.request.headers.get("User-Agent", "") else 409
        raise bottle.HTTPError(code, "Package %r already exists!\n" % upload.raw_filename)
    with open(target, "wb") as out:
        out.write(upload.file.read())


@app.get("/simple/<project>/")
def simple(project):
    links = []
    for name in sorted(os.listdir(packages)):
        if normalize(re.split(r"-\d", name, 1)[0]) == normalize(project):
            with open(os.path.join(packages, name), "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            links.append('<a href="../../packages/%s#sha256=%s">%s</a><br>' % (name, digest, name))
    if not links:
        raise bottle.HTTPError(404, "Not Found (%s does not exist)\n\n" % project)
    return "<!DOCTYPE html><html><body><h1>Links for %s</h1>%s</body></html>" % (project, "".join(links))


@app.get("/packages/<name>")
def package(name):
    return bottle.static_file(name, root=packages)


class QuietHandler(simple_server.WSGIRequestHandler):
    def log_message(self, *args):
        pass


server = simple_server.make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
tmp = port_file + ".tmp"
with open(tmp, "w") as f:
    f.write(str(server.server_port))
os.replace(tmp, port_file)
server.serve_forever()
