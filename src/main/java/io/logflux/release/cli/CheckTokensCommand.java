package io.logflux.release.cli;

import io.logflux.release.ReleaseException;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import io.logflux.release.tokens.Level;
import io.logflux.release.tokens.TokenCheckReport;
import io.logflux.release.tokens.TokenChecker;
import io.logflux.release.tokens.TokenFinding;
import io.logflux.release.tokens.TokenKind;
import io.logflux.release.tokens.TokenLedger;
import io.logflux.release.tokens.TokenPolicy;
import io.logflux.release.tokens.TokenToCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

@Command(name = "check-tokens",
        sortOptions = false,
        description = {
                "Checks API tokens for a scheduled job: PyPI tokens decoded offline (which index, which project, "
                        + "expiry), optionally probed online; GitHub tokens asked about their repository (valid, push, "
                        + "scopes, expiry); every token's age against the rotation policy. Optionally audits the "
                        + "project's upload history against the GitHub releases.",
                "Prints a table; exits 1 when a check fails, 0 otherwise (warnings are printed)."})
final class CheckTokensCommand extends EngineCommand {
    @Option(names = "--token", required = true, paramLabel = "KIND:VARIABLE[:TARGET[:CREATED]]",
            description = "A token to check: kind pypi, testpypi or github; the environment variable holding it; the "
                    + "PyPI project it must be scoped to or the GitHub repository (owner/name) it must push to; the "
                    + "date it was created (YYYY-MM-DD). Repeat for each token.")
    private List<String> tokens = new ArrayList<>();

    @Option(names = "--online", description = "Also ask PyPI (an empty upload form) and GitHub about each token.")
    private boolean online;

    @Option(names = "--ledger", paramLabel = "FILE", description = "Where first sightings of tokens are kept, for "
            + "tokens without a creation date (salted fingerprints only; default: no ledger, age unknown).")
    private Path ledger;

    @Option(names = "--warn-age", paramLabel = "DAYS", defaultValue = "" + TokenPolicy.DEFAULT_WARN_AGE_DAYS,
            description = "Warn when a token is older (default: ${DEFAULT-VALUE}).")
    private int warnAge;

    @Option(names = "--fail-age", paramLabel = "DAYS", defaultValue = "" + TokenPolicy.DEFAULT_FAIL_AGE_DAYS,
            description = "Fail when a token is older (default: ${DEFAULT-VALUE}).")
    private int failAge;

    @Option(names = "--expiry-warn", paramLabel = "DAYS", defaultValue = "" + TokenPolicy.DEFAULT_EXPIRY_WARN_DAYS,
            description = "Warn when expiry is closer (default: ${DEFAULT-VALUE}).")
    private int expiryWarn;

    @Option(names = "--account-wide", paramLabel = "fail|warn", defaultValue = TokenPolicy.DEFAULT_ACCOUNT_WIDE,
            description = "An account-wide PyPI token fails or warns (default: ${DEFAULT-VALUE}).")
    private String accountWide;

    @Option(names = "--audit", paramLabel = "PROJECT", description = "Also list the project's versions on PyPI and "
            + "flag each one without a GitHub release (needs a github token with a repository).")
    private String auditProject;

    @Mixin private GitHubApiOption githubApi = new GitHubApiOption();

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON.")
    private Path report;

    @Override
    public Integer call() throws IOException {
        List<TokenToCheck> checks = new ArrayList<>();
        for (String spec : tokens) {
            checks.add(parse(spec));
        }
        TokenPolicy policy = TokenPolicy.of(warnAge, failAge, expiryWarn, accountWide);
        TokenChecker checker = new TokenChecker(policy, ledger == null ? null : TokenLedger.open(ledger),
                Clock.systemUTC(), online, githubApi.endpoint(), HttpSettings.defaults(), Sleeper.REAL);
        TokenCheckReport result = checker.check(checks);
        if (auditProject != null) {
            TokenToCheck github = checks.stream().filter(t -> t.kind() == TokenKind.GITHUB && t.githubRepo()
                    .isPresent()).findFirst().orElseThrow(() -> new CommandLine.ParameterException(
                    commandLine(), "--audit needs a github token with its repository: "
                    + "--token github:GITHUB_TOKEN:owner/name"));
            result = new TokenCheckReport(concat(result.findings(), checker.auditHistory(auditProject, github)));
        }
        out().print(result.table());
        if (report != null) {
            Files.writeString(report, environment.secrets().redact(result.toJson()) + "\n", StandardCharsets.UTF_8);
        }
        return result.overall() == Level.FAIL ? Main.EXIT_FAILED : Main.EXIT_OK;
    }

    private TokenToCheck parse(String text) {
        String[] parts = text.split(":", 4);
        if (parts.length < 2) {
            throw new CommandLine.ParameterException(commandLine(), "--token " + text + ": write KIND:VARIABLE, "
                    + "e.g. pypi:PYPI_API_TOKEN:logflux or github:GITHUB_TOKEN:logflux/logflux-python");
        }
        TokenKind kind;
        try {
            kind = TokenKind.parse(parts[0]);
        } catch (ReleaseException e) {
            throw new CommandLine.ParameterException(commandLine(), e.getMessage());
        }
        String secret = environment.secret(parts[1]);
        if (secret == null) {
            throw new CommandLine.ParameterException(commandLine(), "The environment variable " + parts[1]
                    + " is not set. Export the token there (tokens are never arguments).");
        }
        String target = parts.length > 2 && !parts[2].isBlank() ? parts[2] : null;
        LocalDate created = null;
        if (parts.length > 3) {
            try {
                created = LocalDate.parse(parts[3]);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(commandLine(), "--token " + parts[0] + ":" + parts[1]
                        + ": '" + parts[3] + "' is not a date; write YYYY-MM-DD.");
            }
        }
        return new TokenToCheck(kind, "environment variable " + parts[1], secret, kind == TokenKind.GITHUB ? null
                : target, kind == TokenKind.GITHUB ? target : null, created);
    }

    private static List<TokenFinding> concat(List<TokenFinding> a, List<TokenFinding> b) {
        List<TokenFinding> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
