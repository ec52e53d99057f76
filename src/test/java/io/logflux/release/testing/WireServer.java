package io.logflux.release.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Python WSGI server (wsgiref, Paste, waitress, gunicorn) in front of a test index, so that clients meet the
 * connection habits real indexes have: src/test/resources/wire/index_server.py relays every request to the index and
 * every answer back; how the connection behaves is the server's own doing. Started and stopped per test.
 */
public final class WireServer implements AutoCloseable {
    /** The servers, with the connection habit each one has. */
    public enum Kind {
        /** HTTP/1.0 answers, the connection closed after each, nothing said. */
        WSGIREF("wsgiref"),
        /** HTTP/1.1 answers, the connection still closed after each, without "Connection: close". */
        WSGIREF_HTTP11("wsgiref-http11"),
        /** HTTP/1.0 answers, closed after each. */
        PASTE("paste"),
        /** HTTP/1.1 answers with "Connection: close". */
        GUNICORN("gunicorn"),
        /** Keep-alive, connections closed after 1 s idle. */
        GUNICORN_IDLE("gunicorn-idle"),
        /** Keep-alive, connections closed after about 1 s idle. */
        WAITRESS("waitress");

        private final String argument;

        Kind(String argument) {
            this.argument = argument;
        }

        /** Whether the server keeps connections open between requests (then closes them when idle). */
        public boolean keepsAlive() {
            return this == GUNICORN_IDLE || this == WAITRESS;
        }
    }

    private final Process process;
    private final Path dir;
    private final String baseUrl;

    private WireServer(Process process, Path dir, String baseUrl) {
        this.process = process;
        this.dir = dir;
        this.baseUrl = baseUrl;
    }

    /** Starts {@code kind} relaying to the index at {@code upstreamBaseUrl} (ending in '/'); waits until it listens. */
    public static WireServer start(Kind kind, String upstreamBaseUrl) {
        return start(kind, upstreamBaseUrl, null);
    }

    /**
     * The same, answering a simple page the index lacks as pypiserver does: a redirect to {@code fallbackUrl}'s page of
     * the project (index_server.py says where that comes from).
     */
    public static WireServer start(Kind kind, String upstreamBaseUrl, String fallbackUrl) {
        return start(kind, upstreamBaseUrl, fallbackUrl, false);
    }

    /** The same; with {@code always302}, the redirect is a 302 whatever the request (bottle's answer to HTTP/1.0). */
    public static WireServer start(Kind kind, String upstreamBaseUrl, String fallbackUrl, boolean always302) {
        try {
            Path dir = Files.createTempDirectory("wire-server-");
            Path script = Path.of(WireServer.class.getResource("/wire/index_server.py").toURI());
            Path portFile = dir.resolve("port");
            List<String> command = new java.util.ArrayList<>(List.of(DebianPython.executable(), script.toString(),
                    kind.argument, upstreamBaseUrl, portFile.toString()));
            if (fallbackUrl != null) {
                command.add(fallbackUrl);
                command.add(always302 ? "302" : "auto");
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
            process.getOutputStream().close();
            // Readiness, not timing: the server writes its port once it accepts connections.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(portFile)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError(kind.argument + " did not start: "
                            + Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8));
                }
                Thread.sleep(20);
            }
            String port = Files.readString(portFile, StandardCharsets.US_ASCII).strip();
            return new WireServer(process, dir, "http://127.0.0.1:" + port + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting " + kind.argument, e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String uploadUrl() {
        return baseUrl + "legacy/";
    }

    /** What the server printed (its warnings and errors). */
    public String log() {
        try {
            return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        // gunicorn's arbiter stops its worker on SIGTERM; the others end at once.
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
