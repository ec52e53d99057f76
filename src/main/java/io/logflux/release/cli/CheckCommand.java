package io.logflux.release.cli;

import io.logflux.release.check.CheckOptions;
import io.logflux.release.check.CheckReport;
import io.logflux.release.check.DistributionChecker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "check",
        sortOptions = false,
        description = {
                "Validates built wheels and sdists before any upload: archives complete and safe, file names, RECORD "
                        + "hashes, metadata as PyPI validates it, and the description as PyPI renders it.",
                "Prints 'Checking <file>: PASSED', 'PASSED with warnings' or 'FAILED' and one line per finding."})
final class CheckCommand extends EngineCommand {
    @Mixin private CheckStrictness check = new CheckStrictness();
    @Mixin private JsonOption json = new JsonOption();

    @Option(names = "--python", paramLabel = "PATH",
            description = "The Python with readme_renderer used to render reStructuredText descriptions "
                    + "(default: python3, then /usr/bin/python3).")
    private List<String> pythons = new ArrayList<>();

    @Parameters(paramLabel = "FILES", arity = "1..*",
            description = "Wheels and sdists (patterns such as dist/* are expanded).")
    private List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        CheckOptions options = CheckOptions.defaults().withMaxFileBytes(check.maxFileSize);
        boolean strict = check.strict;
        if (!pythons.isEmpty()) {
            options = options.withPythons(pythons);
        }
        CheckReport report = new DistributionChecker(options).check(FileArguments.expand(files));
        out().print(json.enabled ? report.toJson(strict) + "\n" : report.text(strict));
        return report.passed(strict) ? Main.EXIT_OK : Main.EXIT_FAILED;
    }
}
