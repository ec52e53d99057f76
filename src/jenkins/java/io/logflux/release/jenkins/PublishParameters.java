package io.logflux.release.jenkins;

import io.logflux.release.check.CheckOptions;
import io.logflux.release.units.Durations;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.publish.InstallCheck;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.PublicationSettings;
import io.logflux.release.publish.PublishOptions;

import java.io.Serializable;

/**
 * The parameters of {@code logfluxPublish} as plain values, to cross the remoting channel to the agent, where they
 * become the engine's settings. Holds no secret.
 */
public record PublishParameters(String repository, String simpleUrl, String jsonUrl, String files, boolean waitUntilServed,
                                String waitTimeout, boolean verifyInstall, String importName, String importCommand,
                                String python, boolean requireHashes, boolean strict, boolean tokenCheck,
                                String uploadTimeout, int attempts, int parallelUploads) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code repository: 'none'}: only the GitHub part runs. */
    boolean toIndex() {
        return repository != null && !PackageIndex.isNone(repository);
    }

    PackageIndex index() {
        return PackageIndex.resolve(repository, simpleUrl, jsonUrl);
    }

    PublicationSettings settings() {
        HttpSettings http = HttpSettings.defaults();
        if (uploadTimeout != null) {
            http = http.withTimeouts(http.connect(), http.idle(), Durations.parse(uploadTimeout, "uploadTimeout"));
        }
        if (attempts > 0) {
            http = http.withAttempts(attempts);
        }
        InstallCheck install = InstallCheck.defaults().withImportName(importName).withCommand(importCommand)
                .withRequireHashes(requireHashes);
        if (python != null) {
            install = install.withPython(python);
        }
        PublicationSettings defaults = PublicationSettings.defaults();
        return new PublicationSettings(
                PublishOptions.defaults().withCheck(CheckOptions.defaults(), strict).withProbeToken(tokenCheck)
                        .withParallelUploads(parallelUploads > 0 ? parallelUploads
                                : PublishOptions.DEFAULT_PARALLEL_UPLOADS), http,
                waitUntilServed, waitTimeout == null ? defaults.waitTimeout() : Durations.parse(waitTimeout,
                "waitTimeout"), verifyInstall, install);
    }
}
