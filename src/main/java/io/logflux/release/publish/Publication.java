package io.logflux.release.publish;

import io.logflux.release.http.Sleeper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The seed's publishing phase for one index, as the CLI's {@code publish} and the {@code logfluxPublish} step run it:
 * upload, wait until the files are served, and (when asked) install them in a fresh venv and import the package. The
 * wait and the install check take the files as the upload read them: nothing is read or digested twice.
 */
public final class Publication {
    private final PublicationSettings settings;
    private final Publisher publisher;
    private final ServedFilesWaiter waiter;
    private final Function<List<ReleaseFile>, InstallReport> installCheck;

    public Publication(PackageIndex index, IndexCredentials credentials, PublicationSettings settings, Sleeper sleeper,
                       Consumer<String> log) {
        this(index, credentials, settings, sleeper, log, new PublishProgress());
    }

    /** @param progress told how far the upload got, for the line printed if the process is stopped midway */
    public Publication(PackageIndex index, IndexCredentials credentials, PublicationSettings settings, Sleeper sleeper,
                       Consumer<String> log, PublishProgress progress) {
        this(settings, new Publisher(index, credentials, settings.http(), settings.publish(), sleeper, log, progress),
                new ServedFilesWaiter(index, settings.http(), sleeper, System::nanoTime, log, credentials)
                        .afterUpload(),
                files -> new InstallVerifier(log, sleeper).verify(index, files, settings.install()));
    }

    private Publication(PublicationSettings settings, Publisher publisher, ServedFilesWaiter waiter,
                        Function<List<ReleaseFile>, InstallReport> installCheck) {
        this.settings = settings;
        this.publisher = publisher;
        this.waiter = waiter;
        this.installCheck = installCheck;
    }

    public PublicationResult run(List<Path> files) {
        PublishReport published = publisher.publish(files);
        if (!settings.waitUntilServed() && !settings.verifyInstall()) {
            return new PublicationResult(published, Optional.empty(), Optional.empty());
        }
        AwaitReport served = waiter.await(published.release(), settings.waitTimeout(), Duration.ofSeconds(2),
                Duration.ofSeconds(30));
        Optional<InstallReport> installed = settings.verifyInstall()
                ? Optional.of(installCheck.apply(published.release()))
                : Optional.empty();
        return new PublicationResult(published, Optional.of(served), installed);
    }
}
