package io.logflux.release.rehearsal;

import io.logflux.release.testing.FakeTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * For bench/rehearsal-floods.sh: runs a rehearsal index (warehouse's 100 MiB file limit) and floods it from the same
 * JVM, which the script starts with a small heap: prints per flood how much was sent, the answer's status line, the
 * time and the files left behind. {@code FloodBench DIR}.
 */
public final class FloodBench {
    private static final long GIB = 1L << 30;
    private static final List<Map.Entry<String, String>> FORM = List.of(Map.entry("protocol_version", "1"),
            Map.entry("metadata_version", "2.1"), Map.entry("name", "floodpkg"), Map.entry("version", "1.0"),
            Map.entry("filetype", "bdist_wheel"), Map.entry("pyversion", "py3"),
            Map.entry("sha256_digest", "0".repeat(64)));
    /** The body bytes the current flood has handed to its socket. */
    private static final AtomicLong SENT = new AtomicLong();

    private FloodBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String token = FakeTokens.pypi();
        try (RehearsalIndex index = RehearsalIndex.start(dir, new ConnectionLimits(Duration.ofSeconds(2),
                Duration.ofSeconds(2), 16)).acceptToken(token)) {
            byte[] mib = new byte[1 << 20];
            flood(index, token, dir, "6,000 fields of 1 MiB", counting(6000L * 3, n -> switch ((int) (n % 3)) {
                case 0 -> RawUpload.ascii("--" + RawUpload.BOUNDARY + "\r\nContent-Disposition: form-data; "
                        + "name=\"f" + n + "\"\r\n\r\n");
                case 1 -> mib;
                default -> RawUpload.ascii("\r\n");
            }));
            byte[] headerLines = RawUpload.ascii("X-Flood: 1\r\n".repeat(5000));
            flood(index, token, dir, "1 GiB of part-header lines", counting(GIB / headerLines.length,
                    n -> n == 0 ? RawUpload.ascii("--" + RawUpload.BOUNDARY + "\r\n") : headerLines));
            flood(index, token, dir, "a 2 GiB file part", counting(2 * GIB / RawUpload.ZEROS.length, n -> n == 0
                    ? concat(RawUpload.fields(FORM), RawUpload.fileHead("content", "floodpkg-1.0-py3-none-any.whl"))
                    : RawUpload.ZEROS));
            cutOff(index, token, dir);
            stalled(index, token, dir);
        }
    }

    private interface Part {
        byte[] at(long n);
    }

    /** {@code count} pieces of body, then the end; the bytes handed out are added up in {@link #SENT}. */
    private static Supplier<byte[]> counting(long count, Part part) {
        AtomicLong next = new AtomicLong();
        return () -> {
            long n = next.getAndIncrement();
            if (n >= count) {
                return null;
            }
            byte[] piece = part.at(n);
            SENT.addAndGet(piece.length);
            return piece;
        };
    }

    private static void flood(RehearsalIndex index, String token, Path dir, String what, Supplier<byte[]> body)
            throws Exception {
        SENT.set(0);
        long start = System.nanoTime();
        String answer;
        try (RawUpload upload = new RawUpload(index.uploadUrl(), token, -1)) {
            answer = upload.flood(body);
        }
        report(what, answer, start, dir);
    }

    private static void cutOff(RehearsalIndex index, String token, Path dir) throws Exception {
        SENT.set(0);
        long start = System.nanoTime();
        String answer;
        // A declared length within the limits (one over them is refused before the body is read).
        try (RawUpload upload = new RawUpload(index.uploadUrl(), token, 100L << 20)) {
            upload.write(concat(RawUpload.fields(FORM), RawUpload.fileHead("content", "floodpkg-1.0-py3-none-any.whl")));
            for (int i = 0; i < 800; i++) {
                upload.write(RawUpload.ZEROS);
                SENT.addAndGet(RawUpload.ZEROS.length);
            }
            upload.cutOff();
            answer = upload.answer();
        }
        report("a body cut off after 50 MiB of its file", answer, start, dir);
    }

    private static void stalled(RehearsalIndex index, String token, Path dir) throws Exception {
        SENT.set(0);
        long start = System.nanoTime();
        RawUpload[] uploads = new RawUpload[64];
        for (int i = 0; i < uploads.length; i++) {
            uploads[i] = new RawUpload(index.uploadUrl(), token, 100L << 20);
            uploads[i].write(RawUpload.fileHead("content", "floodpkg-1.0-py3-none-any.whl"));
        }
        String answer = "";
        for (RawUpload upload : uploads) {
            answer = upload.answer();
            upload.close();
        }
        report("64 stalled uploads (idle timeout 2 s, 16 workers)", answer, start, dir);
    }

    private static void report(String what, String answer, long start, Path dir)
            throws IOException, InterruptedException {
        String line = answer.lines().findFirst().orElse("(closed, no answer)");
        String status = line.length() > 45 ? line.substring(0, 42) + "..." : line;
        long left = filesUnder(dir);
        // A connection closed by a timeout is seen closed a moment before its handler has cleaned up.
        for (int poll = 0; poll < 100 && left > 0; poll++) {
            Thread.sleep(50);
            left = filesUnder(dir);
        }
        System.out.printf("%-50s sent %6d MiB  %-45s %6d ms  files left: %d%n", what, SENT.get() >> 20, status,
                Duration.ofNanos(System.nanoTime() - start).toMillis(), left);
    }

    private static long filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
