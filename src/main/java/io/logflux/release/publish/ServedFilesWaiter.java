package io.logflux.release.publish;

import io.logflux.release.units.Durations;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.http.Sleeper;

import io.logflux.release.ReleaseException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Duration interval = firstInterval;
        int checks = 0;
        boolean useJsonApi = index.jsonApiUrl().isPresent();
        try (IndexHttp http = new IndexHttp(settings)) {
            IndexListing listing = new IndexListing(index, http, settings, sleeper, readCredentials, log);
            while (true) {
                checks++;
                Map<String, String> missing = new LinkedHashMap<>();
                List<ServedFile> served = new ArrayList<>();
                try {
                    Map<String, RemoteFile> simple = listing.fromSimpleIndex(first.normalizedName());
                    Optional<Map<String, RemoteFile>> json = useJsonApi
                            ? listing.fromJsonApi(first.normalizedName(), first.version()) : Optional.empty();
                    if (json.isPresent() && json.get().isEmpty() && servesAll(simple, files)
                            && !listing.jsonApiKnowsProject(first.normalizedName())) {
                        log.accept(index.jsonApiUrl().get() + " does not answer for " + first.normalizedName()
                                + " at all: this index has no JSON API there, so its simple index decides.");
                        useJsonApi = false;
                        json = Optional.empty();
                    }
                    for (ReleaseFile file : files) {
                        RemoteFile inJson = json.map(m -> m.get(file.fileName())).orElse(null);
                        RemoteFile inSimple = simple.get(file.fileName());
                        refuseOtherBytes(file, inJson);
                        refuseOtherBytes(file, inSimple);
                        boolean jsonOk = json.isEmpty() || (inJson != null && inJson.sameAs(file.digests()));
                        boolean simpleOk = inSimple != null && (inSimple.sha256().isEmpty()
                                || inSimple.sameAs(file.digests()));
                        if (jsonOk && simpleOk) {
                            String url = Optional.ofNullable(inJson).flatMap(RemoteFile::url)
                                    .or(inSimple::url).orElse("");
                            served.add(new ServedFile(file.fileName(), file.digests().sha256(), url));
                        } else {
                            missing.put(file.fileName(), (json.isEmpty() ? "" : "JSON API: " + (jsonOk ? "yes"
                                    : "not yet") + ", ") + "simple index: " + (simpleOk ? "yes" : "not yet"));
                        }
                    }
                } catch (IndexUnreachableException e) {
                    files.forEach(f -> missing.put(f.fileName(), "index not answering: " + e.getMessage()));
                }
                Duration elapsed = Duration.ofNanos(nanoClock.getAsLong() - start);
                if (missing.isEmpty()) {
                    log.accept(index.label() + " serves all " + files.size() + " file(s) of " + first.name() + " "
                            + first.version() + " (after " + Durations.human(elapsed) + ", " + checks + " check"
                            + (checks == 1 ? "" : "s") + ").");
                    return new AwaitReport(served, elapsed, checks);
                }
                if (elapsed.compareTo(timeout) >= 0) {
                    throw notServed(elapsed, timeout, missing);
                }
                Duration left = timeout.minus(elapsed);
                Duration wait = interval.compareTo(left) > 0 ? left : interval;
                log.accept("Waiting for " + index.label() + " to serve " + describe(missing) + "; "
                        + Durations.human(elapsed) + " so far, next check in " + Durations.human(wait) + ".");
                sleeper.sleep(wait);
                interval = interval.multipliedBy(2).compareTo(maxInterval) > 0 ? maxInterval : interval.multipliedBy(2);
            }
        }
    }

    private ReleaseException notServed(Duration elapsed, Duration timeout, Map<String, String> missing) {
        String lag = index.isWarehouseHosted() ? "PyPI's listings are CDN-cached and can lag (there have been delays "
                + "of an hour; see https://status.python.org)" : "the index's listing or a cache in front of it can lag";
        String what = afterUpload ? "The upload itself went through (the index accepted every file); do not "
                + "re-upload: " + lag + "."
                : "If these files were uploaded, do not re-upload: " + lag + ". If they were not, publish them first.";
        return new ReleaseException("After " + Durations.human(elapsed) + ", " + index.describe()
                + " still does not serve " + describe(missing) + ". " + what + " Wait longer for propagation: run "
                + "'logflux-release await' with the same files later, or raise the wait timeout (it was "
                + Durations.human(timeout) + ").");
    }

    private static boolean servesAll(Map<String, RemoteFile> listing, List<ReleaseFile> files) {
        return files.stream().allMatch(f -> listing.containsKey(f.fileName())
                && (listing.get(f.fileName()).sha256().isEmpty() || listing.get(f.fileName()).sameAs(f.digests())));
    }

    private void refuseOtherBytes(ReleaseFile file, RemoteFile remote) {
        if (remote != null && remote.sha256().isPresent() && !remote.sameAs(file.digests())) {
            throw new ReleaseException(index.describe() + " serves " + file.fileName() + " with other bytes (sha256 "
                    + remote.sha256().get() + ", expected " + file.digests().sha256() + "). These are not the files "
                    + "that were uploaded from here; " + UploadErrors.reuploadGuidance(index));
        }
    }

    private static String describe(Map<String, String> missing) {
        List<String> parts = new ArrayList<>();
        missing.forEach((file, state) -> parts.add(file + " (" + state + ")"));
        return String.join(", ", parts);
    }
}
