package io.logflux.release.cli;

import io.logflux.release.ReleaseException;
import io.logflux.release.http.Sleeper;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.Publication;
import io.logflux.release.publish.PublicationResult;
import io.logflux.release.publish.PublishProgress;
import io.logflux.release.publish.PublishRequest;
import io.logflux.release.results.FailureMap;
import io.logflux.release.results.PublicationMap;
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

@Command(name = "publish",
        sortOptions = false,
        description = {
                "Uploads wheels and sdists to PyPI, TestPyPI or another index: check first, token probe, then each "
                        + "file streamed (wheels first). Files the index already has with the same sha256 are "
                        + "skipped, so a re-run completes a release; a different file under the same name stops "
                        + "everything. Then waits until the index serves the files, and optionally installs them.",
                "The token comes from the environment only (see --token-env). Progress goes to standard error, the "
                        + "result to standard output."})
final class PublishCommand extends EngineCommand {
    @Mixin private IndexOptions indexOptions = new IndexOptions();
    @Mixin private TokenOptions tokenOptions = new TokenOptions();

    @Option(names = "--no-wait", description = "Do not wait until the index serves the files.")
    private boolean noWait;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = DurationArgument.class,
            description = "Longest wait until the files are served (default: ${DEFAULT-VALUE}).")
    private Duration waitTimeout;

    @Mixin private InstallOptions installOptions = new InstallOptions();

    @Option(names = "--verify-install",
            description = "After the files are served, install them in a fresh venv and import the package.")
    private boolean verifyInstall;

    @Mixin private CheckStrictness check = new CheckStrictness();

    @Option(names = "--no-token-check",
            description = "Skip the token probe (an upload form without a file) for indexes that answer it wrongly.")
    private boolean noTokenCheck;

    @Option(names = "--parallel-uploads", paramLabel = "N",
            description = "Files uploaded at once after the first, which goes alone (default: ${DEFAULT-VALUE}; 1 = "
                    + "one at a time).")
    private Integer parallelUploads;

    @Mixin private JsonOption json = new JsonOption();

    @Parameters(paramLabel = "FILES", arity = "1..*",
            description = "Wheels and sdists of one release (patterns such as dist/* are expanded).")
    private List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        PublishRequest request = RequestArguments.build(commandLine(), () -> installOptions.fill(
                indexOptions.fill(PublishRequest.builder()), verifyInstall).check(check.strict, check.maxFileSize)
                .tokenCheck(!noTokenCheck).parallelUploads(parallelUploads).waitUntilServed(!noWait, waitTimeout)
                .build());
        PackageIndex index = request.index();
        IndexCredentials credentials = tokenOptions.credentials(environment, index, commandLine());
        List<Path> paths = FileArguments.expand(files);
        PrintWriter out = out();
        PublicationResult result;
        PublishProgress progress = new PublishProgress();
        try (InterruptNotice notice = InterruptNotice.install(progress, commandLine().getErr())) {
            result = new Publication(index, credentials, request.settings(), Sleeper.REAL, log(), progress)
                    .run(paths);
        } catch (ReleaseException e) {
            if (json.enabled) {
                out.println(JsonOption.write(FailureMap.of(e)));
            }
            throw e;
        }
        out.println(json.enabled ? JsonOption.write(PublicationMap.of(result)) : result.published().summary());
        return Main.EXIT_OK;
    }
}
