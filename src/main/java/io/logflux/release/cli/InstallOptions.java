package io.logflux.release.cli;

import io.logflux.release.publish.PublishRequest;
import picocli.CommandLine.Option;

/** How the install check runs. */
final class InstallOptions {
    @Option(names = "--python", paramLabel = "PATH",
            description = "The Python that creates the venv for the install check (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--import-name", paramLabel = "MODULE",
            description = "The module the install check imports (default: the project name with '-' as '_').")
    String importName;

    @Option(names = "--import-command", paramLabel = "CODE",
            description = "Python code the install check runs instead of printing <module>.__version__; it must exit 0.")
    String importCommand;

    @Option(names = "--require-hashes",
            description = "Install exactly the uploaded files (pip --require-hashes with their sha256).")
    boolean requireHashes;

    PublishRequest.Builder fill(PublishRequest.Builder request, boolean verifyInstall) {
        return request.install(verifyInstall, python, importName, importCommand, requireHashes);
    }
}
