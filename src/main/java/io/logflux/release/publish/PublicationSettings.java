package io.logflux.release.publish;

import io.logflux.release.http.HttpSettings;

import java.time.Duration;

/**
 * Everything a publication does besides the upload itself.
 *
 * @param waitUntilServed poll until the index serves the files (skipped with {@code --no-wait})
 * @param verifyInstall   install the served files in a fresh venv and import them (implies waiting)
 */
public record PublicationSettings(PublishOptions publish, HttpSettings http, boolean waitUntilServed,
                                  Duration waitTimeout, boolean verifyInstall, InstallCheck install) {
    public static PublicationSettings defaults() {
        return new PublicationSettings(PublishOptions.defaults(), HttpSettings.defaults(), true, Duration.ofMinutes(15),
                false, InstallCheck.defaults());
    }
}
