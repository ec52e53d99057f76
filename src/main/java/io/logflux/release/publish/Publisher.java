package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.check.CheckReport;
import io.logflux.release.check.DistributionChecker;
import io.logflux.release.files.ByteSizes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Publishes one release's files to one index: {@code check} first, then the token probe, then a listing of what the
 * index already has (identical files are skipped, a different file under the same name stops everything before a byte
 * is sent), then each file in upload order (wheels first) with {@link FileUploader}.
 */
public final class Publisher {
    private final PackageIndex index;
    private final IndexCredentials credentials;
    private final HttpSettings settings;
    private final PublishOptions options;
    private final Sleeper sleeper;
    private final Consumer<String> log;

    public Publisher(PackageIndex index, IndexCredentials credentials, HttpSettings settings, PublishOptions options,
                     Sleeper sleeper, Consumer<String> log) {
        this.index = index;
        this.credentials = credentials;
        this.settings = settings;
        this.options = options;
        this.sleeper = sleeper;
        // Uploads after the first run side by side: one line at a time, whatever the caller's log is.
        this.log = line -> {
            synchronized (this) {
                log.accept(line);
            }
        };
    }

    private static List<ReleaseFile> join(CompletableFuture<List<ReleaseFile>> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static List<ReleaseFile> inUploadOrder(List<ReleaseFile> files, List<Path> order) {
        return order.stream().map(p -> files.stream().filter(f -> f.path().equals(p)).findFirst().orElseThrow())
                .toList();
    }

    public PublishReport publish(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new ReleaseException("No files to publish to " + index.describe() + ". Build them first "
                    + "(python -m build writes dist/), or fix the file pattern.");
        }
        // The digests take one pass over each file and check another: run them side by side.
        CompletableFuture<List<ReleaseFile>> digested = CompletableFuture.supplyAsync(() -> ReleaseFile.readRelease(paths));
        CheckReport check = new DistributionChecker(options.check()).check(paths);
        if (!check.passed(options.strictCheck())) {
            digested.cancel(true);
            throw new ReleaseException("Not uploading to " + index.describe() + ": check found problems in the files. "
                    + "Fix them and rebuild; nothing was sent.\n" + check.text(options.strictCheck()).stripTrailing());
        }
        List<ReleaseFile> files = inUploadOrder(join(digested), check.uploadOrder());
        ReleaseFile first = files.get(0);
        log.accept("Publishing " + first.name() + " " + first.version() + " to " + index.describe() + " with the token "
                + "from " + credentials.source() + ": " + String.join(", ", files.stream().map(ReleaseFile::fileName)
                .toList()));
        try (IndexHttp http = new IndexHttp(settings)) {
            IndexListing listing = new IndexListing(index, http, settings, sleeper, credentials, log);
            if (options.probeToken()) {
                new TokenProbe(index, http, settings, sleeper, log).check(credentials, first.normalizedName());
            }
            Map<String, RemoteFile> existing = listing.release(first.normalizedName(), first.version());
            List<ReleaseFile> toUpload = new ArrayList<>();
            List<PublishedFile> results = new ArrayList<>();
            for (ReleaseFile file : files) {
                RemoteFile remote = existing.get(file.fileName());
                if (remote != null && remote.sameAs(file.digests())) {
                    log.accept("Skipping " + file.fileName() + ": " + index.label() + " already has it with the same "
                            + "sha256 (" + file.digests().sha256() + ").");
                    results.add(new PublishedFile(file.fileName(), file.digests().sha256(), file.digests().size(),
                            PublishedFile.Outcome.ALREADY_PRESENT, 0, remote.url()));
                } else if (remote != null && remote.sha256().isPresent()) {
                    throw UploadErrors.conflict(index, file, remote, List.of());
                } else {
                    toUpload.add(file);
                }
            }
            FileUploader uploader = new FileUploader(index, credentials, http, listing, settings, sleeper, log,
                    options.progressInterval());
            results.addAll(new UploadBatch(options.parallelUploads()).run(toUpload, (file, uploadedBefore) -> {
                log.accept("Uploading " + file.fileName() + " (" + ByteSizes.human(file.digests().size()) + ", sha256 "
                        + file.digests().sha256() + ") to " + index.describe());
                long start = System.nanoTime();
                PublishedFile result = uploader.upload(file, uploadedBefore);
                log.accept((result.outcome() == PublishedFile.Outcome.UPLOADED ? "Uploaded " : "Already there: ")
                        + file.fileName() + " in " + Durations.human(Duration.ofNanos(System.nanoTime() - start)) + ".");
                return result;
            }));
            PublishReport report = new PublishReport(index.label(), index.uploadUrl().toString(), first.name(),
                    first.version(), results);
            log.accept(report.summary());
            return report;
        }
    }
}
