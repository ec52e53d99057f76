package io.logflux.release.testindex;

import io.logflux.release.rehearsal.RehearsalIndex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the rehearsal index on its own, for bench/upload.sh: {@code TestIndexServer DIR URL_FILE}. Accepts the token in
 * the environment variable BENCH_INDEX_TOKEN, files up to 4 GiB, writes its upload URL to URL_FILE and serves until
 * killed. With BENCH_SERVE_DELAY_MS, new files are listed only that long after their upload (bench/await.sh). Nothing
 * stands in front of it (the test index's handler holds bodies in memory).
 */
public final class TestIndexServer {
    private TestIndexServer() {
    }

    public static void main(String[] args) throws Exception {
        String token = System.getenv("BENCH_INDEX_TOKEN");
        if (args.length != 2 || token == null || token.isBlank()) {
            throw new IllegalArgumentException("usage: BENCH_INDEX_TOKEN=… TestIndexServer DIR URL_FILE");
        }
        HiddenFiles hidden = new HiddenFiles();
        String delay = System.getenv("BENCH_SERVE_DELAY_MS");
        if (delay != null && !delay.isBlank()) {
            hidden.hideFor(Duration.ofMillis(Long.parseLong(delay.strip())));
        }
        RehearsalIndex index = RehearsalIndex.start(Path.of(args[0]), handler -> handler, hidden);
        index.acceptToken(token).maxFileBytes(4L << 30);
        Files.writeString(Path.of(args[1]), index.uploadUrl());
        Thread.currentThread().join();
    }
}
