package io.logflux.release.yank;

import io.logflux.release.ReleaseException;
import io.logflux.release.github.GitHubReleases;
import io.logflux.release.units.Durations;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.ReleaseYanking;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Schedule;
import io.logflux.release.http.Sleeper;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The seed's "Rolling Back": yank the release on the index — through its API where one exists and was asked for,
 * otherwise by a person on the page this names, waited for when asked — then delete or mark the GitHub release, and
 * verify both at the end.
 */
public final class Yanker {
    private final ReleaseYanking index;
    private final PackageIndex target;
    private final IndexCredentials credentials;
    private final GitHubReleases github;
    private final String githubRepo;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final Consumer<String> log;

    /**
     * @param index       the index part, or null to leave the index alone
     * @param credentials the token for the yank API, or null (manual yank)
     * @param github      the GitHub part, or null
     */
    public Yanker(ReleaseYanking index, PackageIndex target, IndexCredentials credentials, GitHubReleases github,
                  String githubRepo, Sleeper sleeper, LongSupplier nanoClock, Consumer<String> log) {
        this.index = index;
        this.target = target;
        this.credentials = credentials;
        this.github = github;
        this.githubRepo = githubRepo;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
        this.log = log;
    }

    public YankReport yank(YankRequest request) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw new ReleaseException("No reason given: a yank needs one (it is shown to pip users and in the "
                    + "release notes), e.g. reason: 'broken wheel'.");
        }
        Boolean indexYanked = null;
        String indexReason = null;
        String how = null;
        if (index != null) {
            Optional<ReleaseYanking.YankState> before = index.state(request.project(), request.version());
            if (before.isEmpty()) {
                throw new ReleaseException(target.describe() + " has no release " + request.project() + " "
                        + request.version() + ". Check the name and version (nothing was yanked).");
            }
            if (before.get().yanked()) {
                how = "was already yanked";
            } else {
                how = yankOnIndex(request);
            }
            ReleaseYanking.YankState after = index.state(request.project(), request.version()).orElseThrow();
            indexYanked = after.yanked();
            indexReason = after.reason().orElse(null);
            if (!after.yanked()) {
                how = how + "; the JSON API still shows it NOT yanked";
            }
        }
        Boolean githubVerified = null;
        String githubState = null;
        if (github != null && request.github() != GitHubYankMode.NONE) {
            githubState = yankOnGitHub(request);
            Optional<GitHubReleases.ReleaseState> after = github.find(request.tag());
            githubVerified = request.github() == GitHubYankMode.DELETE ? after.isEmpty()
                    : after.filter(r -> r.prerelease() && r.body().startsWith("**Yanked:**")).isPresent();
        }
        YankReport report = new YankReport(request.project(), request.version(), target == null ? null
                : target.label(), indexYanked, indexReason, how, githubRepo + " " + request.tag(), githubVerified,
                githubState);
        log.accept(report.text().stripTrailing());
        return report;
    }

    private String yankOnIndex(YankRequest request) {
        if (request.useApi() && credentials != null) {
            StringBuilder refusal = new StringBuilder();
            switch (index.yankViaApi(credentials, request.project(), request.version(), request.reason(), refusal)) {
                case YANKED -> {
                    log.accept("Yanked " + request.project() + " " + request.version() + " on " + target.label()
                            + " through its yank API.");
                    return "yanked through the index's API";
                }
                case REFUSED -> log.accept(target.label() + " refused the yank through its API (" + refusal
                        + "); check the token in " + credentials.source() + ". Falling back to the web page.");
                case NO_API -> log.accept(target.label() + " has no programmatic yank (PyPI has none today; "
                        + "warehouse PR 16912 proposes one). Falling back to the web page.");
            }
        }
        String page = index.managePage(request.project(), request.version());
        log.accept("Yank " + request.project() + " " + request.version() + " by hand: open " + page + ", choose "
                + "\"Yank\", and give the reason: " + request.reason());
        if (request.waitForManual().isZero() || request.waitForManual().isNegative()) {
            return "a person must yank it on " + page + " (not waited for)";
        }
        return waitForManualYank(request, page);
    }

    /** Looks at the index until the yank shows or the wait asked for is over: every 15 s at first, later a minute. */
    private String waitForManualYank(YankRequest request, String page) {
        long start = nanoClock.getAsLong();
        Supplier<String> elapsed = () -> Durations.human(Duration.ofNanos(nanoClock.getAsLong() - start));
        Schedule schedule = Schedule.until(request.waitForManual(), Duration.ofSeconds(15), Duration.ofMinutes(1),
                nanoClock);
        try {
            return new Retry(sleeper, log).run(schedule, look -> {
                if (index.state(request.project(), request.version()).map(ReleaseYanking.YankState::yanked)
                        .orElse(false)) {
                    log.accept("The yank of " + request.project() + " " + request.version() + " shows on "
                            + target.label() + " after " + elapsed.get() + ".");
                    return Retry.Outcome.done("yanked by hand on " + page);
                }
                return Retry.Outcome.retry("not yanked yet", null, null);
            }, new Retry.Plan<>() {
                @Override
                public RuntimeException gaveUp(int looks, String problem, Throwable cause) {
                    return new NotYankedInTime("waited " + elapsed.get() + " for a person to yank it on " + page
                            + "; not done yet");
                }

                @Override
                public String retrying(String problem, Duration wait, int next) {
                    return "Waiting for the yank on " + page + " (" + elapsed.get() + " so far).";
                }
            });
        } catch (NotYankedInTime e) {
            return e.getMessage();
        }
    }

    /** The end of the wait for a person: not a failure, the report says what was seen. */
    private static final class NotYankedInTime extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotYankedInTime(String how) {
            super(how, null, false, false);
        }
    }

    private String yankOnGitHub(YankRequest request) {
        Optional<GitHubReleases.ReleaseState> release = github.find(request.tag());
        if (request.github() == GitHubYankMode.DELETE) {
            String done = release.map(r -> github.delete(r.id()) ? "release deleted" : "release already gone")
                    .orElse("no release for " + request.tag());
            if (request.deleteTag()) {
                done += github.deleteTag(request.tag()) ? ", tag deleted" : ", tag already gone";
            }
            log.accept("GitHub " + githubRepo + ": " + done + ".");
            return done;
        }
        GitHubReleases.ReleaseState marked = github.markYanked(release.orElseThrow(() -> new ReleaseException(
                "GitHub " + githubRepo + " has no release for tag " + request.tag() + " to mark as yanked. Check the "
                        + "tag, or use github: 'none'.")), request.reason());
        log.accept("GitHub " + githubRepo + ": release " + request.tag() + " marked as yanked (pre-release, not "
                + "latest, notice above its notes): " + marked.htmlUrl());
        return "marked as yanked";
    }
}
