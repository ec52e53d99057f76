package io.logflux.release.publish;

import io.logflux.release.http.Sleeper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The seed's publishing phase for one index, as the CLI's {@code publish} and the {@code logfluxPublish} step run it:
 * upload, wait until the files are served, and (when asked) install them in a fresh venv and import the package.
 */
public final class Publication {
    private final PackageIndex index;
    private final IndexCredentials credentials;
    private final PublicationSettings settings;
    private final Sleeper sleeper;
    private final Consumer<String> log;

    public Publication(PackageIndex index, IndexCredentials credentials, PublicationSettings settings, Sleeper sleeper,
                       Consumer<String> log) {
        this.index = index;
        this.credentials = credentials;
        this.settings = settings;
        this.sleeper = sleeper;
        this.log = log;
    }

    public PublicationResult run(List<Path> files) {
        PublishReport published = new Publisher(index, credentials, settings.http(), settings.publish(), sleeper, log)
                .publish(files);
        if (!settings.waitUntilServed() && !settings.verifyInstall()) {
            return new PublicationResult(published, Optional.empty(), Optional.empty());
        }
        List<ReleaseFile> release = ReleaseFile.readRelease(files);
        AwaitReport served = new ServedFilesWaiter(index, settings.http(), sleeper, System::nanoTime, log, credentials)
                .afterUpload()
                .await(release, settings.waitTimeout(), Duration.ofSeconds(2), Duration.ofSeconds(30));
        Optional<InstallReport> installed = settings.verifyInstall()
                ? Optional.of(new InstallVerifier(log, sleeper).verify(index, release, settings.install()))
                : Optional.empty();
        return new PublicationResult(published, Optional.of(served), installed);
    }
}
