package io.logflux.release.cli;

import io.logflux.release.verify.VerifyVersionReport;
import io.logflux.release.verify.VerifyVersionRequest;
import io.logflux.release.verify.VersionVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Command(name = "verify-version",
        sortOptions = false,
        description = {
                "Checks that the package version equals the release tag (with or without a 'v' prefix), wherever "
                        + "it is stated: __version__ in the version file, pyproject.toml, setup.cfg, and the name and "
                        + "metadata of every built file given.",
                "On success prints the normalized version on standard output (the report goes to standard error)."})
final class VerifyVersionCommand extends EngineCommand {
    @Mixin private ReleaseTagOption tag = new ReleaseTagOption();
    @Mixin private ProjectOption project = new ProjectOption();

    @Option(names = "--version-file", paramLabel = "PATH",
            description = "The file holding __version__, relative to the project directory "
                    + "(default: found from the build configuration or the project name).")
    private Path versionFile;

    @Mixin private JsonOption json = new JsonOption();

    @Option(names = {"-q", "--quiet"}, description = "Print no report on success.")
    private boolean quiet;

    @Parameters(paramLabel = "DIST_FILES", arity = "0..*",
            description = "Built wheels and sdists to check too (patterns such as dist/* are expanded).")
    private List<String> distFiles = new ArrayList<>();

    @Override
    public Integer call() {
        String releaseTag = tag.resolve(environment);
        VerifyVersionReport report = new VersionVerifier().verify(new VerifyVersionRequest(
                project.dir, releaseTag, Optional.ofNullable(versionFile), FileArguments.expand(distFiles)));
        PrintWriter out = out();
        PrintWriter err = commandLine().getErr();
        if (json.enabled) {
            out.println(report.toJson());
        } else {
            if (!report.ok() || !quiet) {
                err.print(report.text());
            }
            if (report.ok()) {
                out.println(report.normalizedVersion());
            }
        }
        return report.ok() ? Main.EXIT_OK : Main.EXIT_FAILED;
    }

}
