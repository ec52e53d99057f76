"""Renders an upload refusal the way warehouse sends it, with the real Pyramid that renders warehouse's answers.

warehouse/forklift/utils.py (_exc_with_message) builds the Pyramid exception with the message as its detail and puts
the message, iso-8859-1-safe, into the status line after the code; Pyramid's HTTPException.prepare then renders the
body for the request's Accept header (pyramid/httpexceptions.py). Prints one JSON object: status, content_type, body.

Usage: pyramid_error.py CODE MESSAGE ACCEPT (an empty MESSAGE renders legacy.py's plain HTTPOk())
"""
import json
import sys

from pyramid import httpexceptions


def refusal(code, message):
    if not message:
        # legacy.py's "return HTTPOk()": no detail, the standard status line.
        return httpexceptions.exception_response(code)
    response = httpexceptions.exception_response(code, detail=message)
    latin1 = message.encode("iso-8859-1", "replace").decode("iso-8859-1")
    response.status = "%d %s" % (response.status_code, latin1)
    return response


def main():
    code, message, accept = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    response = refusal(code, message)
    environ = {"REQUEST_METHOD": "POST", "HTTP_ACCEPT": accept, "SERVER_NAME": "upload.pypi.org",
               "SERVER_PORT": "443", "wsgi.url_scheme": "https", "PATH_INFO": "/legacy/"}
    response.prepare(environ)
    print(json.dumps({"status": response.status, "content_type": response.content_type,
                      "body": response.body.decode("utf-8")}))


if __name__ == "__main__":
    main()
