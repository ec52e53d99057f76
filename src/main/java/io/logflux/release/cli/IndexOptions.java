package io.logflux.release.cli;

import io.logflux.release.http.HttpSettings;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.PublishRequest;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The options every command that talks to an index shares: which index, and how patiently. */
final class IndexOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec mixee;

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
            description = "Longest wait to connect (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationArgument.class,
            description = "Longest silence while sending or receiving (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--upload-timeout", paramLabel = "DURATION", converter = DurationArgument.class,
            description = "Longest one file's upload may take, start to answer (default: ${DEFAULT-VALUE}).")
    Duration uploadTimeout;

    @Option(names = "--attempts", paramLabel = "N", description = "Tries per request when the failure is safe to "
            + "retry: network errors, 5xx, 429 (default: ${DEFAULT-VALUE}).")
    Integer attempts;

    /** Puts the index and the HTTP options into the request. */
    PublishRequest.Builder fill(PublishRequest.Builder request) {
        return request.index(repository, simpleUrl, jsonUrl).timeouts(connectTimeout, idleTimeout, uploadTimeout)
                .attempts(attempts);
    }

    PackageIndex index() {
        return request().index();
    }

    HttpSettings settings() {
        return request().settings().http();
    }

    private PublishRequest request() {
        return RequestArguments.build(mixee.commandLine(), () -> fill(PublishRequest.builder()).build());
    }
}
