package io.logflux.release.publish;

import io.logflux.release.units.Durations;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.http.Sleeper;

import io.logflux.release.ReleaseException;
import io.logflux.release.check.CheckReport;
import io.logflux.release.check.DistributionChecker;
import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.dist.DistMetadataReader;
import io.logflux.release.units.ByteSizes;
import io.logflux.release.project.ProjectName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Publishes one release's files to one index: {@code check} (its verdict first), the token probe and a listing of what
 * the index already has (identical files are skipped, a different file under the same name stops everything before a
 * byte is sent), then each file in upload order (wheels first) with {@link FileUploader}, the first alone and the
 * others side by side ({@link UploadBatch}).
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

    private static <T> T join(CompletableFuture<T> future) {
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
        ExecutorService beside = Executors.newFixedThreadPool(2, DaemonThreads.named("logflux-publish"));
        try (IndexHttp http = new IndexHttp(settings)) {
            // Before the first upload three things run side by side: the digests (one pass over each file), the check
            // (another), and the index's side — token probe and listing, network round trips that need only the
            // project and version of the first file. The check's verdict comes first: nothing the index says matters
            // for files that would not be sent.
            CompletableFuture<List<ReleaseFile>> digested = CompletableFuture.supplyAsync(
                    () -> ReleaseFile.readRelease(paths), beside);
            List<String> indexLog = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Map<String, RemoteFile>> indexSide = CompletableFuture.supplyAsync(
                    () -> askTheIndex(paths.get(0), http, indexLog::add), beside);
            CheckReport check = new DistributionChecker(options.check()).check(paths);
            if (!check.passed(options.strictCheck())) {
                throw new ReleaseException("Not uploading to " + index.describe() + ": check found problems in the "
                        + "files. Fix them and rebuild; nothing was sent.\n"
                        + check.text(options.strictCheck()).stripTrailing());
            }
            List<ReleaseFile> files = inUploadOrder(join(digested), check.uploadOrder());
            ReleaseFile first = files.get(0);
            log.accept("Publishing " + first.name() + " " + first.version() + " to " + index.describe() + " with the "
                    + "token from " + credentials.source() + ": " + String.join(", ", files.stream()
                    .map(ReleaseFile::fileName).toList()));
            Map<String, RemoteFile> existing;
            try {
                existing = join(indexSide);
            } finally {
                indexLog.forEach(log);
            }
            IndexListing listing = new IndexListing(index, http, settings, sleeper, credentials, log);
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
        } finally {
            beside.shutdownNow();
        }
    }

    /** The token probe, then what the index has of this release (by the first file's project and version). */
    private Map<String, RemoteFile> askTheIndex(Path firstFile, IndexHttp http, Consumer<String> log) {
        CoreMetadata metadata = new DistMetadataReader().read(firstFile);
        String project = ProjectName.normalize(metadata.name().orElseThrow(() -> new ReleaseException(firstFile
                .getFileName() + " has no Name in its metadata. Rebuild it with python -m build.")));
        String version = metadata.version().orElseThrow(() -> new ReleaseException(firstFile.getFileName()
                + " has no Version in its metadata. Rebuild it with python -m build."));
        if (options.probeToken()) {
            new TokenProbe(index, http, settings, sleeper, log).check(credentials, project);
        }
        return new IndexListing(index, http, settings, sleeper, credentials, log).release(project, version);
    }
}
