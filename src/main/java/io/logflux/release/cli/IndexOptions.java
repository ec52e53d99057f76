package io.logflux.release.cli;

import io.logflux.release.http.HttpSettings;
import io.logflux.release.publish.PackageIndex;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The options every command that talks to an index shares: which index, and how patiently. */
final class IndexOptions {
    @Option(names = {"-r", "--repository"}, required = true, paramLabel = "INDEX",
            description = "pypi, testpypi, or the upload URL of another index (e.g. https://pypi.example.com/legacy/).")
    String repository;

    @Option(names = "--simple-url", paramLabel = "URL",
            description = "The index's simple API, when it cannot be derived from the upload URL.")
    String simpleUrl;

    @Option(names = "--json-url", paramLabel = "URL",
            description = "The index's JSON API base (…/pypi/), for warehouse-like indexes at unusual URLs.")
    String jsonUrl;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationArgument.class,
            description = "Longest wait to connect (default: 15s).")
    Duration connectTimeout;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationArgument.class,
            description = "Longest silence while sending or receiving (default: 2m).")
    Duration idleTimeout;

    @Option(names = "--upload-timeout", paramLabel = "DURATION", converter = DurationArgument.class,
            description = "Longest one file's upload may take, start to answer (default: 30m).")
    Duration uploadTimeout;

    @Option(names = "--attempts", paramLabel = "N",
            description = "Tries per request when the failure is safe to retry: network errors, 5xx, 429 (default: 5).")
    Integer attempts;

    PackageIndex index() {
        return PackageIndex.resolve(repository, simpleUrl, jsonUrl);
    }

    HttpSettings settings() {
        HttpSettings defaults = HttpSettings.defaults();
        HttpSettings settings = defaults.withTimeouts(
                connectTimeout == null ? defaults.connect() : connectTimeout,
                idleTimeout == null ? defaults.idle() : idleTimeout,
                uploadTimeout == null ? defaults.upload() : uploadTimeout);
        return attempts == null ? settings : settings.withAttempts(Math.max(1, attempts));
    }
}
