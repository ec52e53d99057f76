package io.logflux.release.cli;

import io.logflux.release.check.CheckOptions;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.Publication;
import io.logflux.release.publish.PublicationResult;
import io.logflux.release.publish.PublicationSettings;
import io.logflux.release.publish.PublishOptions;
import io.logflux.release.http.Sleeper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "publish",
        sortOptions = false,
        description = {
                "Uploads wheels and sdists to PyPI, TestPyPI or another index: check first, token probe, then each "
                        + "file streamed (wheels first). Files the index already has with the same sha256 are "
                        + "skipped, so a re-run completes a release; a different file under the same name stops "
                        + "everything. Then waits until the index serves the files, and optionally installs them.",
                "The token comes from the environment only (see --token-env). Progress goes to standard error, the "
                        + "result to standard output."})
final class PublishCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private IndexOptions indexOptions = new IndexOptions();

    @Mixin
    private TokenOptions tokenOptions = new TokenOptions();

    @Option(names = "--no-wait", description = "Do not wait until the index serves the files.")
    private boolean noWait;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = DurationArgument.class,
            defaultValue = "15m", description = "Longest wait until the files are served (default: ${DEFAULT-VALUE}).")
    private Duration waitTimeout;

    @Mixin
    private InstallOptions installOptions = new InstallOptions();

    @Option(names = "--verify-install",
            description = "After the files are served, install them in a fresh venv and import the package.")
    private boolean verifyInstall;

    @Option(names = "--strict", description = "Warnings from check also stop the upload.")
    private boolean strict;

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = ByteSize.class,
            description = "The largest file the index accepts, for check (default: PyPI's 100MiB).")
    private Long maxFileSize;

    @Option(names = "--no-token-check",
            description = "Skip the token probe (an empty upload form) for indexes that answer it wrongly.")
    private boolean noTokenCheck;

    @Option(names = "--parallel-uploads", paramLabel = "N", defaultValue = "3",
            description = "Files uploaded at once after the first, which goes alone (default: ${DEFAULT-VALUE}; 1 = "
                    + "one at a time).")
    private int parallelUploads;

    @Option(names = "--json", description = "Print the result as JSON on standard output.")
    private boolean json;

    @Parameters(paramLabel = "FILES", arity = "1..*",
            description = "Wheels and sdists of one release (patterns such as dist/* are expanded).")
    private List<String> files = new ArrayList<>();

    private final Environment environment;

    PublishCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (parallelUploads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel-uploads takes 1 or more (1 "
                    + "uploads one file at a time); got " + parallelUploads + ".");
        }
        PackageIndex index = indexOptions.index();
        IndexCredentials credentials = tokenOptions.credentials(environment, index, spec.commandLine());
        List<Path> paths = FileArguments.expand(files);
        CheckOptions check = maxFileSize == null ? CheckOptions.defaults()
                : CheckOptions.defaults().withMaxFileBytes(maxFileSize);
        PublicationSettings settings = new PublicationSettings(
                PublishOptions.defaults().withCheck(check, strict).withProbeToken(!noTokenCheck)
                        .withParallelUploads(parallelUploads),
                indexOptions.settings(), !noWait, waitTimeout, verifyInstall, installOptions.check());
        PublicationResult result = new Publication(index, credentials, settings, Sleeper.REAL,
                spec.commandLine().getErr()::println).run(paths);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? ResultJson.publish(result) : result.published().summary());
        return Main.EXIT_OK;
    }
}
