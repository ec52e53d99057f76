package io.logflux.release.publish;

import io.logflux.release.check.CheckOptions;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.request.InvalidRequestException;
import io.logflux.release.request.Rules;
import io.logflux.release.units.Durations;

import java.io.Serializable;
import java.time.Duration;

/**
 * What to publish where and how, as plain values: the command line and the Jenkins step only fill it (a step sends it
 * to the agent), and it is validated here, once. {@link #builder()} starts from the defaults, the only place they are
 * written; {@link #index()} and {@link #settings()} are the resolved forms the engine runs with.
 *
 * @param repository {@code pypi}, {@code testpypi}, an upload URL, {@code none} (no index), or null when the caller
 *                   gives the index itself (the release's phases)
 * @param maxFileSize the largest file the index accepts, for {@code check}
 * @param tokenCheck  probe the token with an upload form without a file before any file is sent
 */
public record PublishRequest(String repository, String simpleUrl, String jsonUrl, boolean strict, long maxFileSize,
                             boolean tokenCheck, int parallelUploads, Duration connectTimeout, Duration idleTimeout,
                             Duration uploadTimeout, int attempts, boolean waitUntilServed, Duration waitTimeout,
                             boolean verifyInstall, String python, String importName, String importCommand,
                             boolean requireHashes) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(15);

    public PublishRequest {
        if (maxFileSize < 1) {
            throw new InvalidRequestException("maxFileSize", "takes a size above zero, e.g. 100MiB; got "
                    + maxFileSize + ".");
        }
        Rules.atLeastOne("parallelUploads", parallelUploads, "uploads one file at a time");
        Rules.atLeastOne("attempts", attempts, "sends each request once");
        Rules.positive("connectTimeout", connectTimeout);
        Rules.positive("idleTimeout", idleTimeout);
        Rules.positive("uploadTimeout", uploadTimeout);
        Rules.notNegative("waitTimeout", waitTimeout);
        if (python == null || python.isBlank()) {
            throw new InvalidRequestException("python", "names no Python; give the path of one, e.g. python3.");
        }
        if (namesAnIndex(repository)) {
            PackageIndex.resolve(repository, simpleUrl, jsonUrl);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, for help texts. */
    public static PublishRequest defaults() {
        return builder().build();
    }

    /** False for {@code repository: 'none'} (only the GitHub part runs) and for a request without a repository. */
    public boolean toIndex() {
        return namesAnIndex(repository);
    }

    private static boolean namesAnIndex(String repository) {
        return repository != null && !PackageIndex.isNone(repository);
    }

    public PackageIndex index() {
        return PackageIndex.resolve(repository, simpleUrl, jsonUrl);
    }

    public PublicationSettings settings() {
        PublishOptions publish = PublishOptions.defaults()
                .withCheck(CheckOptions.defaults().withMaxFileBytes(maxFileSize), strict).withProbeToken(tokenCheck)
                .withParallelUploads(parallelUploads);
        HttpSettings http = HttpSettings.defaults().withTimeouts(connectTimeout, idleTimeout, uploadTimeout)
                .withAttempts(attempts);
        InstallCheck install = InstallCheck.defaults().withPython(python).withImportName(importName)
                .withCommand(importCommand).withRequireHashes(requireHashes);
        return new PublicationSettings(publish, http, waitUntilServed, waitTimeout, verifyInstall, install);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.repository = repository;
        b.simpleUrl = simpleUrl;
        b.jsonUrl = jsonUrl;
        b.strict = strict;
        b.maxFileSize = maxFileSize;
        b.tokenCheck = tokenCheck;
        b.parallelUploads = parallelUploads;
        b.connectTimeout = connectTimeout;
        b.idleTimeout = idleTimeout;
        b.uploadTimeout = uploadTimeout;
        b.attempts = attempts;
        b.waitUntilServed = waitUntilServed;
        b.waitTimeout = waitTimeout;
        b.verifyInstall = verifyInstall;
        b.python = python;
        b.importName = importName;
        b.importCommand = importCommand;
        b.requireHashes = requireHashes;
        return b;
    }

    /** Starts from the defaults; a null argument keeps the default. Durations given as text are parsed here. */
    public static final class Builder {
        private String repository;
        private String simpleUrl;
        private String jsonUrl;
        private boolean strict;
        private long maxFileSize = CheckOptions.PYPI_DEFAULT_MAX_FILE_BYTES;
        private boolean tokenCheck = true;
        private int parallelUploads = PublishOptions.DEFAULT_PARALLEL_UPLOADS;
        private Duration connectTimeout = HttpSettings.defaults().connect();
        private Duration idleTimeout = HttpSettings.defaults().idle();
        private Duration uploadTimeout = HttpSettings.defaults().upload();
        private int attempts = HttpSettings.defaults().attempts();
        private boolean waitUntilServed = true;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private boolean verifyInstall;
        private String python = InstallCheck.defaults().python();
        private String importName;
        private String importCommand;
        private boolean requireHashes;

        private Builder() {
        }

        public Builder index(String repository, String simpleUrl, String jsonUrl) {
            this.repository = blankToNull(repository);
            this.simpleUrl = blankToNull(simpleUrl);
            this.jsonUrl = blankToNull(jsonUrl);
            return this;
        }

        public Builder check(boolean strict, Long maxFileSize) {
            this.strict = strict;
            this.maxFileSize = maxFileSize == null ? this.maxFileSize : maxFileSize;
            return this;
        }

        public Builder tokenCheck(boolean probe) {
            this.tokenCheck = probe;
            return this;
        }

        public Builder parallelUploads(Integer parallel) {
            this.parallelUploads = parallel == null ? parallelUploads : parallel;
            return this;
        }

        public Builder timeouts(Duration connect, Duration idle, Duration upload) {
            this.connectTimeout = connect == null ? connectTimeout : connect;
            this.idleTimeout = idle == null ? idleTimeout : idle;
            this.uploadTimeout = upload == null ? uploadTimeout : upload;
            return this;
        }

        /** The upload timeout as written ({@code 30m}); null or blank keeps the default. */
        public Builder uploadTimeout(String text) {
            return timeouts(null, null, parse(text, "uploadTimeout"));
        }

        public Builder attempts(Integer attempts) {
            this.attempts = attempts == null ? this.attempts : attempts;
            return this;
        }

        public Builder waitUntilServed(boolean wait, Duration timeout) {
            this.waitUntilServed = wait;
            this.waitTimeout = timeout == null ? waitTimeout : timeout;
            return this;
        }

        /** The wait timeout as written ({@code 15m}); null or blank keeps the default. */
        public Builder waitUntilServed(boolean wait, String timeout) {
            return waitUntilServed(wait, parse(timeout, "waitTimeout"));
        }

        public Builder install(boolean verifyInstall, String python, String importName, String importCommand,
                               boolean requireHashes) {
            this.verifyInstall = verifyInstall;
            this.python = blankToNull(python) == null ? this.python : python.strip();
            this.importName = blankToNull(importName);
            this.importCommand = blankToNull(importCommand);
            this.requireHashes = requireHashes;
            return this;
        }

        public PublishRequest build() {
            return new PublishRequest(repository, simpleUrl, jsonUrl, strict, maxFileSize, tokenCheck,
                    parallelUploads, connectTimeout, idleTimeout, uploadTimeout, attempts, waitUntilServed,
                    waitTimeout, verifyInstall, python, importName, importCommand, requireHashes);
        }

        private static Duration parse(String text, String field) {
            return blankToNull(text) == null ? null : Durations.parse(text, field);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
