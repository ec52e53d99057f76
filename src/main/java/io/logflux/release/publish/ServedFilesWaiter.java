package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Schedule;
import io.logflux.release.http.Sleeper;
import io.logflux.release.units.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Waits until an index really serves a release: every file listed with our sha256 in the JSON API (where the index has
 * one) and on the simple index pip reads (PEP 691 JSON, or PEP 503 HTML). An upload's 200 is not that: PyPI's CDN
 * purges after the commit, through a task queue, so listings can lag by minutes (more on bad days). Polls with a
 * doubling interval until the timeout; a file served with other bytes stops at once.
 */
public final class ServedFilesWaiter {
    private final PackageIndex index;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final Consumer<String> log;
    private final IndexCredentials readCredentials;
    private boolean afterUpload;

    public ServedFilesWaiter(PackageIndex index, HttpSettings settings, Sleeper sleeper, LongSupplier nanoClock,
                             Consumer<String> log, IndexCredentials readCredentials) {
        this.index = index;
        this.settings = settings.withAttempts(1);
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
        this.log = log;
        this.readCredentials = readCredentials;
    }

    /** The files were just accepted by the index in this run: a timeout then says the upload went through. */
    public ServedFilesWaiter afterUpload() {
        this.afterUpload = true;
        return this;
    }

    /**
     * Checks until every file is served or the timeout has passed; the last check is made at the timeout.
     *
     * @param files         the release's files (one project, one version)
     * @param timeout       how long to wait in all
     * @param firstInterval the wait after the first check; it doubles up to {@code maxInterval}
     */
    public AwaitReport await(List<ReleaseFile> files, Duration timeout, Duration firstInterval, Duration maxInterval) {
        if (files.isEmpty()) {
            throw new ReleaseException("No files to wait for. Give the files that were uploaded (e.g. dist/*).");
        }
        ReleaseFile first = files.get(0);
        long start = nanoClock.getAsLong();
        Schedule schedule = Schedule.until(timeout, firstInterval, maxInterval, nanoClock);
        // An index that accepts the connection and never answers holds one check for at most the wait itself.
        HttpSettings checks = timeout.compareTo(settings.read()) < 0 && !timeout.isZero()
                ? settings.withRead(timeout) : settings;
        try (IndexClient client = new IndexClient(index, readCredentials, checks, sleeper, log)) {
            ServedLook served = new ServedLook(client, files);
            return client.retry().run(schedule, check -> {
                Map<String, String> missing = served.missing();
                if (!missing.isEmpty()) {
                    return Retry.Outcome.retry(describe(missing), null, null);
                }
                Duration elapsed = since(start);
                log.accept(index.label() + " serves all " + files.size() + " file(s) of " + first.name() + " "
                        + first.version() + " (after " + Durations.human(elapsed) + ", " + check + " check"
                        + (check == 1 ? "" : "s") + ").");
                return Retry.Outcome.done(new AwaitReport(served.files(), elapsed, check));
            }, new Retry.Plan<>() {
                @Override
                public RuntimeException gaveUp(int checks, String missing, Throwable cause) {
                    return notServed(since(start), timeout, missing);
                }

                @Override
                public String retrying(String missing, Duration wait, int next) {
                    return "Waiting for " + index.label() + " to serve " + missing + "; "
                            + Durations.human(since(start)) + " so far, next check in " + Durations.human(wait) + ".";
                }
            });
        }
    }

    private Duration since(long start) {
        return Duration.ofNanos(nanoClock.getAsLong() - start);
    }

    private ReleaseException notServed(Duration elapsed, Duration timeout, String missing) {
        String lag = index.isWarehouseHosted() ? "PyPI's listings are CDN-cached and can lag (there have been delays "
                + "of an hour; see https://status.python.org)" : "the index's listing or a cache in front of it can lag";
        String what = afterUpload ? "The upload itself went through (the index accepted every file); do not "
                + "re-upload: " + lag + "."
                : "If these files were uploaded, do not re-upload: " + lag + ". If they were not, publish them first.";
        return new ReleaseException("After " + Durations.human(elapsed) + ", " + index.describe()
                + " still does not serve " + missing + ". " + what + " Wait longer for propagation: run "
                + "'logflux-release await' with the same files later, or raise the wait timeout (it was "
                + Durations.human(timeout) + ").");
    }

    private static String describe(Map<String, String> missing) {
        List<String> parts = new ArrayList<>();
        missing.forEach((file, state) -> parts.add(file + " (" + state + ")"));
        return String.join(", ", parts);
    }
}
