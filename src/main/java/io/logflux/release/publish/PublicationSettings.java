package io.logflux.release.publish;

import io.logflux.release.http.HttpSettings;

import java.time.Duration;

/**
 * Everything a publication does besides the upload itself, as the engine runs it: resolved from a
 * {@link PublishRequest}, which holds the defaults and checks the values.
 *
 * @param waitUntilServed poll until the index serves the files (skipped with {@code --no-wait})
 * @param verifyInstall   install the served files in a fresh venv and import them (implies waiting)
 */
public record PublicationSettings(PublishOptions publish, HttpSettings http, boolean waitUntilServed,
                                  Duration waitTimeout, boolean verifyInstall, InstallCheck install) {
    public PublicationSettings withPublish(PublishOptions options) {
        return new PublicationSettings(options, http, waitUntilServed, waitTimeout, verifyInstall, install);
    }

    public PublicationSettings withHttp(HttpSettings settings) {
        return new PublicationSettings(publish, settings, waitUntilServed, waitTimeout, verifyInstall, install);
    }
}
