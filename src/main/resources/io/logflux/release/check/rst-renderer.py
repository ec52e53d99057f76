# logflux-release check: renders reStructuredText descriptions one after another, as PyPI's upload does
# (warehouse/utils/readme.py calls readme_renderer.rst.render(value); None means the upload is refused).
# Started with python -c; argv[1] is the largest description accepted, argv[2] the most bytes of messages sent back
# for one description (the Java side reads no more than that), argv[3] the most address space the process may have
# (RLIMIT_AS, where the platform has it; set before readme_renderer is imported), all in bytes.
# Protocol, over stdin/stdout: first a greeting line "logflux-rst 1 <readme_renderer version>" (or
# "logflux-rst-unavailable <reason>" and exit status 3); then per request "<n>\n" followed by n bytes of UTF-8,
# answered by "<verdict> <m>\n" followed by m bytes of docutils messages, verdict one of rendered, failed, error, or
# unchecked (rendering ran out of the address space argv[3] gives: this machine's bound, not PyPI's verdict);
# "<verdict> <m> truncated\n" when the messages were longer and were cut (at the end of a line, where there is one).
# End of stdin ends the process.
import sys

if sys.path and sys.path[0] == "":
    # python -c puts the working directory first: a readme_renderer or docutils there must not be the judge
    del sys.path[0]

replies = sys.stdout.buffer
requests = sys.stdin.buffer
sys.stdout = sys.stderr  # a stray print must not end up in the replies
MAX_REQUEST = int(sys.argv[1])
MAX_MESSAGES = int(sys.argv[2])
MAX_MEMORY = int(sys.argv[3])

try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (MAX_MEMORY, MAX_MEMORY))
except (ImportError, ValueError, OSError):
    pass  # no RLIMIT_AS here (Windows), or a lower hard limit already: the Java side's timeout still bounds the run

try:
    import io
    import readme_renderer.rst
except Exception as e:
    replies.write(("logflux-rst-unavailable %s\n" % type(e).__name__).encode("ascii", "replace"))
    replies.flush()
    sys.exit(3)

try:
    from importlib.metadata import version
    renderer_version = version("readme_renderer")
except Exception:
    renderer_version = "unknown"


def reply(verdict, messages):
    data = messages.encode("utf-8", "replace")
    truncated = len(data) > MAX_MESSAGES
    if truncated:
        data = data[:MAX_MESSAGES]
        end_of_line = data.rfind(b"\n")
        if end_of_line >= 0:
            data = data[:end_of_line + 1]
    replies.write(b"%s %d%s\n" % (verdict, len(data), b" truncated" if truncated else b"") + data)
    replies.flush()


replies.write(("logflux-rst 1 %s\n" % renderer_version.replace(" ", "")).encode("ascii", "replace"))
replies.flush()
while True:
    header = requests.readline(32)
    if not header:
        break
    size = int(header)
    if size < 0 or size > MAX_REQUEST:
        sys.exit("request of %d bytes is out of bounds" % size)
    data = requests.read(size)
    if len(data) != size:
        sys.exit("request cut short")
    stream = io.StringIO()
    try:
        html = readme_renderer.rst.render(data.decode("utf-8", "replace"), stream=stream)
    except MemoryError:
        reply(b"unchecked", "MemoryError: rendering it needed more than the %d MiB check gives the renderer"
              % (MAX_MEMORY >> 20))
        continue
    except Exception as e:  # warehouse would fail the upload too
        reply(b"error", "%s: %s" % (type(e).__name__, e))
        continue
    reply(b"rendered" if html is not None else b"failed", stream.getvalue())
