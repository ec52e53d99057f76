package io.logflux.release.check;

import io.logflux.release.testing.DebianPython;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for {@code python3 -c rst-renderer.py}: an executable that ignores its arguments and speaks the renderer's
 * protocol, misbehaving on cue — a description containing CRASH makes it die like a segfault, FLAKY does so the
 * first time only (in any process), FATAL dies and makes every later start fail before the greeting, HANG makes it
 * stop answering, FLOOD makes it print without end, HUGE makes it announce a gigabyte of messages, OUT_OF_MEMORY
 * answers as the script does when rendering ran out of its address space. It logs each
 * start and each request to a file, and can greet as a Python without readme_renderer, or not greet at all.
 */
final class FakeRenderer {
    enum Greeting { READY, UNAVAILABLE, GARBAGE, DUMP_ENVIRONMENT }

    private static final String SCRIPT = """
            import os, sys, time
            log, greeting = sys.argv[1], sys.argv[2]
            def note(line):
                with open(log, "a") as f:
                    f.write(line + "\\n")
            note("start")
            if os.path.exists(log + ".fatal"):
                sys.stderr.write("Fatal Python error: init_fs_encoding\\n"); sys.exit(1)
            out, inp = sys.stdout.buffer, sys.stdin.buffer
            if greeting == "UNAVAILABLE":
                out.write(b"logflux-rst-unavailable ModuleNotFoundError\\n"); out.flush(); sys.exit(3)
            if greeting == "GARBAGE":
                out.write(b"Python 2.7.18 says hello\\n"); out.flush(); time.sleep(3600)
            if greeting == "DUMP_ENVIRONMENT":
                note("environment " + " ".join(sorted(os.environ)))
            out.write(b"logflux-rst 1 0.0-fake\\n"); out.flush()
            while True:
                header = inp.readline()
                if not header:
                    note("end of input")
                    break
                data = inp.read(int(header)).decode()
                note("request " + data.splitlines()[0])
                if "FLAKY" in data and not os.path.exists(log + ".flaky"):
                    open(log + ".flaky", "w").close()
                    sys.stderr.write("Killed\\n"); sys.stderr.flush(); os._exit(9)
                if "FATAL" in data:
                    open(log + ".fatal", "w").close()
                    sys.stderr.write("Fatal Python error: Segmentation fault\\n"); sys.stderr.flush(); os._exit(9)
                if "CRASH" in data:
                    sys.stderr.write("Fatal Python error: Segmentation fault\\n"); sys.stderr.flush(); os._exit(9)
                if "HANG" in data:
                    time.sleep(3600)
                if "FLOOD" in data:
                    while True:
                        out.write(b"x" * 65536)
                if "HUGE" in data:
                    out.write(b"failed 999999999\\n"); out.flush(); time.sleep(3600)
                if "BROKEN" in data:
                    message = b"<string>:4: (WARNING/2) Inline emphasis start-string without end-string."
                    out.write(b"failed %d\\n" % len(message) + message)
                elif "OUT_OF_MEMORY" in data:
                    message = b"MemoryError: rendering it needed more than the 2048 MiB check gives the renderer"
                    out.write(b"unchecked %d\\n" % len(message) + message)
                elif "RAISES" in data:
                    message = b"RecursionError: maximum recursion depth exceeded"
                    out.write(b"error %d\\n" % len(message) + message)
                else:
                    out.write(b"rendered 0\\n")
                out.flush()
            """;

    private final Path executable;
    private final Path log;

    private FakeRenderer(Path executable, Path log) {
        this.executable = executable;
        this.log = log;
    }

    static FakeRenderer in(Path dir, Greeting greeting) {
        try {
            Path script = dir.resolve("fake-renderer.py");
            Files.writeString(script, SCRIPT);
            Path log = dir.resolve("fake-renderer-" + greeting + ".log");
            Path executable = dir.resolve("fake-python-" + greeting);
            Files.writeString(executable, "#!/bin/sh\nexec " + DebianPython.executable() + " " + script + " " + log
                    + " " + greeting + "\n");
            Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
            return new FakeRenderer(executable, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String executable() {
        return executable.toString();
    }

    /** The lines it logged: "start", "request <first line of the description>", "end of input", … */
    List<String> log() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long starts() {
        return log().stream().filter(line -> line.equals("start")).count();
    }
}
