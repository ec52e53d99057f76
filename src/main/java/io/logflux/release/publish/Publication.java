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
 * wait and the install check take the files as the upload read them: nothing is read or digested twice.
 */
public final class Publication {
    private final PackageIndex index;
    private final PublicationSettings settings;
    private final Publisher publisher;
    private final ServedFilesWaiter waiter;
    private final InstallVerifier verifier;

    public Publication(PackageIndex index, IndexCredentials credentials, PublicationSettings settings, Sleeper sleeper,
                       Consumer<String> log) {
        this.index = index;
        this.settings = settings;
        this.publisher = new Publisher(index, credentials, settings.http(), settings.publish(), sleeper, log);
        this.waiter = new ServedFilesWaiter(index, settings.http(), sleeper, System::nanoTime, log, credentials)
                .afterUpload();
        this.verifier = new InstallVerifier(log, sleeper);
    }

    public PublicationResult run(List<Path> files) {
        PublishReport published = publisher.publish(files);
        if (!settings.waitUntilServed() && !settings.verifyInstall()) {
            return new PublicationResult(published, Optional.empty(), Optional.empty());
        }
        AwaitReport served = waiter.await(published.release(), settings.waitTimeout(), Duration.ofSeconds(2),
                Duration.ofSeconds(30));
        Optional<InstallReport> installed = settings.verifyInstall()
                ? Optional.of(verifier.verify(index, published.release(), settings.install()))
                : Optional.empty();
        return new PublicationResult(published, Optional.of(served), installed);
    }
}
