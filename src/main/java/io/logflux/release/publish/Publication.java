package io.logflux.release.publish;

import io.logflux.release.http.Sleeper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The seed's publishing phase for one index, as the CLI's {@code publish} and the {@code logfluxPublish} step run it:
 * upload, wait until the files are served, and (when asked) install them in a fresh venv and import the package. The
 * wait and the install check take the files as the upload read them: nothing is read or digested twice. The install
 * check's venv is made beside the upload and the wait ({@link InstallVerifier#prepare}); nothing is installed before
 * the index serves the files.
 */
public final class Publication {
    private final PackageIndex index;
    private final PublicationSettings settings;
    private final Publisher publisher;
    private final ServedFilesWaiter waiter;
    private final InstallVerifier installVerifier;

    public Publication(PackageIndex index, IndexCredentials credentials, PublicationSettings settings, Sleeper sleeper,
                       Consumer<String> log) {
        this(index, credentials, settings, sleeper, log, new PublishProgress());
    }

    /** @param progress told how far the upload got, for the line printed if the process is stopped midway */
    public Publication(PackageIndex index, IndexCredentials credentials, PublicationSettings settings, Sleeper sleeper,
                       Consumer<String> log, PublishProgress progress) {
        this(index, credentials, settings, sleeper, log, progress, new InstallVerifier(log, sleeper));
    }

    /**
     * @param installVerifier runs the install check; a release passes the same one to both its phases, so that the
     *                        Python is asked only once which way pip can install into a venv
     */
    public Publication(PackageIndex index, IndexCredentials credentials, PublicationSettings settings, Sleeper sleeper,
                       Consumer<String> log, PublishProgress progress, InstallVerifier installVerifier) {
        this(index, credentials, settings, sleeper, log, progress, installVerifier, null);
    }

    /** @param checked the files as a release's validation checked them (null: the publish checks them itself) */
    public Publication(PackageIndex index, IndexCredentials credentials, PublicationSettings settings, Sleeper sleeper,
                       Consumer<String> log, PublishProgress progress, InstallVerifier installVerifier,
                       CheckedFiles checked) {
        this.index = index;
        this.settings = settings;
        this.publisher = new Publisher(index, credentials, settings.http(), settings.publish(), sleeper, log, progress,
                checked);
        this.waiter = new ServedFilesWaiter(index, settings.http(), sleeper, System::nanoTime, log, credentials)
                .afterUpload();
        this.installVerifier = installVerifier;
    }

    public PublicationResult run(List<Path> files) {
        Optional<FreshVenv> venv = settings.verifyInstall() ? Optional.of(installVerifier.prepare(settings.install()))
                : Optional.empty();
        try {
            PublishReport published = publisher.publish(files);
            if (!settings.waitUntilServed() && !settings.verifyInstall()) {
                return new PublicationResult(published, Optional.empty(), Optional.empty());
            }
            AwaitReport served = waiter.await(published.release(), settings.waitTimeout(), Duration.ofSeconds(2),
                    Duration.ofSeconds(30));
            Optional<InstallReport> installed = venv.map(v -> installVerifier.verify(index, published.release(),
                    settings.install(), v));
            return new PublicationResult(published, Optional.of(served), installed);
        } finally {
            venv.ifPresent(FreshVenv::close);
        }
    }
}
