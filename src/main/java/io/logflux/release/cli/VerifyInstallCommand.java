package io.logflux.release.cli;

import io.logflux.release.publish.InstallReport;
import io.logflux.release.publish.InstallVerifier;
import io.logflux.release.publish.PublishRequest;
import io.logflux.release.publish.ReleaseFile;
import io.logflux.release.http.Sleeper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "verify-install",
        sortOptions = false,
        description = "Installs name==version of the given files from the index into a fresh venv (no pip cache; "
                + "dependencies from PyPI for TestPyPI) and imports the package, comparing its __version__. Needs no "
                + "token.")
final class VerifyInstallCommand extends EngineCommand {
    @Mixin private IndexOptions indexOptions = new IndexOptions();
    @Mixin private InstallOptions installOptions = new InstallOptions();

    @Parameters(paramLabel = "FILES", arity = "1..*",
            description = "The release's files (dist/*): they give name, version and, with --require-hashes, hashes.")
    private List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        PublishRequest request = RequestArguments.build(commandLine(),
                () -> installOptions.fill(indexOptions.fill(PublishRequest.builder()), true).build());
        List<ReleaseFile> release = ReleaseFile.readRelease(FileArguments.expand(files));
        InstallReport report = new InstallVerifier(log(), Sleeper.REAL)
                .verify(request.index(), release, request.settings().install());
        out().println(report.requirement() + " installs from " + report.indexUrl()
                + " and imports as version " + report.importedVersion());
        return Main.EXIT_OK;
    }
}
