package io.logflux.release.publish;

import io.logflux.release.units.Durations;

import io.logflux.release.units.ByteSizes;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress lines for one upload, at most one per interval plus the last one:
 * "logflux-0.2.0.tar.gz: 48.0 MiB of 256.0 MiB (18%), 12.1 MiB/s, about 17 s left".
 */
final class UploadProgress implements IndexHttp.Progress {
    private final String fileName;
    private final long total;
    private final Consumer<String> log;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long start;
    private long lastPrint;

    UploadProgress(String fileName, long total, Duration interval, Consumer<String> log, LongSupplier nanoClock) {
        this.fileName = fileName;
        this.total = total;
        this.log = log;
        this.nanoClock = nanoClock;
        this.intervalNanos = interval.toNanos();
        this.start = nanoClock.getAsLong();
        this.lastPrint = start;
    }

    @Override
    public void sent(long bytes) {
        long now = nanoClock.getAsLong();
        if (bytes < total && now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        log.accept(line(bytes, now));
    }

    String line(long bytes, long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        double rate = bytes / seconds;
        StringBuilder line = new StringBuilder(fileName).append(": ").append(ByteSizes.human(bytes)).append(" of ")
                .append(ByteSizes.human(total));
        if (total > 0) {
            line.append(" (").append(bytes * 100 / total).append("%)");
        }
        line.append(", ").append(ByteSizes.human((long) rate)).append("/s");
        if (bytes < total && rate > 0) {
            long left = (long) Math.ceil((total - bytes) / rate);
            line.append(", about ").append(Durations.human(Duration.ofSeconds(left))).append(" left");
        } else if (bytes >= total) {
            line.append(", sent; waiting for the index to accept it");
        }
        return line.toString();
    }
}
