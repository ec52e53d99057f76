package io.logflux.release.cli;

import io.logflux.release.publish.AwaitReport;
import io.logflux.release.results.AwaitMap;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.ReleaseFile;
import io.logflux.release.publish.ServedFilesWaiter;
import io.logflux.release.http.Sleeper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Command(name = "await",
        sortOptions = false,
        description = "Waits until the index serves every given file with its sha256, in the JSON API and on the "
                + "simple index pip reads. Needs no token.")
final class AwaitCommand extends EngineCommand {
    @Mixin private IndexOptions indexOptions = new IndexOptions();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationArgument.class,
            description = "Longest wait (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Mixin private JsonOption json = new JsonOption();

    @Parameters(paramLabel = "FILES", arity = "1..*", description = "The release's files (dist/*).")
    private List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        PackageIndex index = indexOptions.index();
        List<ReleaseFile> release = ReleaseFile.readRelease(FileArguments.expand(files));
        AwaitReport report = new ServedFilesWaiter(index, indexOptions.settings(), Sleeper.REAL, System::nanoTime,
                log(), null).await(release, timeout, Duration.ofSeconds(2),
                Duration.ofSeconds(30));
        out().println(json.enabled ? JsonOption.write(AwaitMap.of(report))
                : "Served: " + String.join(", ", report.files().stream().map(f -> f.fileName()).toList()));
        return Main.EXIT_OK;
    }
}
