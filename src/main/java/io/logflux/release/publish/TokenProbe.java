package io.logflux.release.publish;

import io.logflux.release.http.Failures;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Schedule;
import io.logflux.release.http.Sleeper;
import io.logflux.release.units.Durations;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Asks the upload endpoint whether it knows the token before any file is sent: a form with only
 * {@code :action=file_upload}. Warehouse authenticates before it validates the form, so 403 means the token is
 * unknown, malformed or revoked, and 400 means it is known (its project scope and expiry are only checked against a
 * real upload). Indexes that answer otherwise (pypiserver: 401/403 or its own 400) fit the same reading. A publish's
 * probe carries the release's name and version ({@link UploadForm#digestProbe}), so that warehouse's 400 also says
 * whether the index refuses a form without a digest; an index that does not say so is asked once more, with a form
 * without {@code :action} ({@link UploadForm#actionProbe}), whether it refuses that. The answers choose the upload's
 * {@link BodyLayout}.
 */
public final class TokenProbe {
    /** What the index said about the token. */
    public enum Outcome { KNOWN, REFUSED, WRONG_URL }

    /** The probe's answer: the outcome, the HTTP status and the index's own words. */
    public record Result(Outcome outcome, int status, String message) {
    }

    private TokenProbe() {
    }

    /** Probes once (with retries for failures worth retrying), for checks that report rather than stop. */
    public static Result probe(PackageIndex index, IndexCredentials credentials, HttpSettings settings,
                               Sleeper sleeper, Consumer<String> log) {
        try (IndexClient client = new IndexClient(index, credentials, settings, sleeper, log)) {
            return client.probeToken();
        }
    }

    /**
     * Probes the token and stops as a publish would (the first probe of {@link #check}): a release asks every index it
     * will publish to before the first upload to any of them. The body layout is left to each publish, which asks.
     */
    public static void require(PackageIndex index, IndexCredentials credentials, HttpSettings settings,
                               Sleeper sleeper, Consumer<String> log, DistFile first) {
        try (IndexClient client = new IndexClient(index, credentials, settings, sleeper, log)) {
            requireKnown(client, first);
        }
    }

    static Result result(HttpReply reply) {
        return new Result(outcomeOf(reply), reply.status(), reply.message());
    }

    /**
     * Stops the publish when the index refuses the token or the URL is not an upload URL; otherwise the body layout
     * its answers allow.
     */
    static BodyLayout check(IndexClient client, DistFile first) {
        if (requiresDigest(requireKnown(client, first))) {
            return BodyLayout.DIGEST_LAST;
        }
        return requiresAction(ask(client, UploadForm.actionProbe(first))) ? BodyLayout.ACTION_LAST
                : BodyLayout.CHECK_FIRST;
    }

    /** The publish's probe: stops on a refused token or a URL that takes no uploads, else the index's answer. */
    private static HttpReply requireKnown(IndexClient client, DistFile first) {
        HttpReply reply = ask(client, UploadForm.digestProbe(first));
        switch (outcomeOf(reply)) {
            case REFUSED -> throw UploadErrors.tokenRefused(client.index(), client.credentials(), null,
                    first.normalizedName(), reply);
            case WRONG_URL -> throw UploadErrors.wrongUrl(client.index(), null, reply);
            case KNOWN -> client.log().accept("The token from " + client.credentials().source() + " is known to "
                    + client.index().label() + " (its project scope is checked with the first upload).");
        }
        return reply;
    }

    /**
     * Warehouse's answer to a form that lacks only a digest (forms.py: UploadForm.validate), in its status line or
     * its body. Read from the answer as sent: working out its message would parse an HTML page, which costs a cold
     * process tens of milliseconds before the first byte of a file.
     */
    static boolean requiresDigest(HttpReply reply) {
        return reply.status() == 400 && reply.mentions("Include at least one message digest");
    }

    /**
     * An answer to the probe without {@code :action} that refuses it for lack of one: a 400 that names the field,
     * which the form itself does not hold. pypiserver's: {@code raise HTTPError(400, "Missing ':action' field!")}
     * (pypiserver 2.4.1 _app.py L205-L208, update(), the first thing it does with the form once the credentials
     * passed), on bottle's error page with the quotes escaped ({@code Missing &#039;:action&#039; field!}).
     */
    static boolean requiresAction(HttpReply reply) {
        return reply.status() == 400 && reply.mentions(UploadForm.ACTION);
    }

    /** The index's answer to the bare probe, retried while it fails in a way worth retrying. */
    static HttpReply ask(IndexClient client) {
        return ask(client, UploadForm.probe());
    }

    private static HttpReply ask(IndexClient client, UploadForm form) {
        PackageIndex index = client.index();
        // A retry goes on a new connection: the one that failed may be half-closed, its pool mates too.
        return client.retry().run(Schedule.of(client.settings()), number -> {
            HttpReply reply = client.http().post(index.uploadUrl(), form, null, client.credentials(), null,
                    number > 1);
            if (reply.serverError() || reply.status() == 429) {
                IOException failure = new IOException("HTTP " + reply.status());
                return Retry.Outcome.retry(Failures.describe(failure), reply.retryAfterDuration().orElse(null),
                        failure);
            }
            return Retry.Outcome.done(reply);
        }, new Retry.Plan<>() {
            @Override
            public RuntimeException gaveUp(int attempts, String problem, Throwable cause) {
                return new IndexUnreachableException("Cannot reach the upload URL of " + index.describe() + " after "
                        + attempts + " attempts: " + problem + ". Nothing was uploaded. Check the network, the URL "
                        + "and the index's status page, then run again.", cause);
            }

            @Override
            public String retrying(String problem, Duration wait, int next) {
                return "The token check at " + index.uploadUrl() + " failed (" + problem + "); retrying in "
                        + Durations.human(wait) + ".";
            }
        });
    }

    private static Outcome outcomeOf(HttpReply reply) {
        int status = reply.status();
        if (status == 401 || status == 403) {
            return Outcome.REFUSED;
        }
        return (status >= 300 && status < 400) || status == 404 || status == 405 ? Outcome.WRONG_URL : Outcome.KNOWN;
    }
}
