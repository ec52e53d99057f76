package io.logflux.release.github;

import io.logflux.release.http.Failures;
import io.logflux.release.http.HttpClients;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Schedule;
import io.logflux.release.http.SendWatch;
import io.logflux.release.http.Sleeper;
import io.logflux.release.http.StaleConnectionException;
import io.logflux.release.http.TracedCall;
import io.logflux.release.secret.UserInfo;
import io.logflux.release.units.Durations;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Calls the GitHub API with the headers GitHub asks for (Accept, X-GitHub-Api-Version, User-Agent, Authorization),
 * at least one second between writes as GitHub advises, and retries where that is safe: network failures, 5xx, and
 * rate limits ({@link GitHubRateLimit}). Requests that must not be repeated blindly (creating a release, uploading an
 * asset) are sent once ({@link #once}); their callers decide after looking at GitHub's state. A request that failed
 * on a kept-alive connection the server had closed is sent again at once on a new connection when it is safe to
 * repeat; a request sent once fails with a {@link StaleConnectionException} as its cause instead
 * ({@link GitHubUnreachableException#staleConnection}). Redirects are followed (downloads go to storage hosts);
 * OkHttp drops the Authorization header when a redirect leaves the host.
 */
final class GitHubHttp implements AutoCloseable {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long MAX_BODY = 32L << 20;
    private static final String RUN_AGAIN = "Check the network and https://www.githubstatus.com, then run again: "
            + "what is done is kept and re-runs resume.";

    private final GitHubEndpoint endpoint;
    private final GitHubToken token;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final LongSupplier epochMillis;
    private final Duration minWriteInterval;
    private final Retry retry;
    private final GitHubRateLimit rateLimit;
    private final OkHttpClient client;
    /** The same client for asset uploads: their writes are watched by {@link #sendWatch}, not by OkHttp. */
    private final OkHttpClient uploads;
    private final SendWatch sendWatch;
    private long lastWriteMillis = Long.MIN_VALUE / 2;

    GitHubHttp(GitHubEndpoint endpoint, GitHubToken token, HttpSettings settings, Sleeper sleeper,
               LongSupplier epochMillis, Duration minWriteInterval, Consumer<String> log) {
        this.endpoint = endpoint;
        this.token = token;
        this.settings = settings;
        this.sleeper = sleeper;
        this.epochMillis = epochMillis;
        this.minWriteInterval = minWriteInterval;
        this.retry = new Retry(sleeper, log);
        this.rateLimit = new GitHubRateLimit(epochMillis);
        this.client = HttpClients.builder(settings, new ConnectionPool(), true)
                .callTimeout(settings.upload().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.uploads = client.newBuilder().writeTimeout(0, TimeUnit.MILLISECONDS).build();
        this.sendWatch = new SendWatch(settings.idle());
    }

    /** A client on the real clock, a second between writes. */
    static GitHubHttp connect(GitHubEndpoint endpoint, GitHubToken token, HttpSettings settings, Sleeper sleeper,
                              Consumer<String> log) {
        return new GitHubHttp(endpoint, token, settings, sleeper, System::currentTimeMillis, Duration.ofSeconds(1),
                log);
    }

    GitHubEndpoint endpoint() {
        return endpoint;
    }

    /** Sends a request; retried when {@code retrySafe}, else sent {@link #once}. Non-2xx answers are returned. */
    GitHubReply call(String method, URI url, RequestBody body, boolean retrySafe) {
        return retrySafe ? retried(method, url, body) : once(method, url, body, false);
    }

    /**
     * Sends a request that must not be repeated without looking first, on a connection of its own when
     * {@code freshConnection}; a failure before any answer is a {@link GitHubUnreachableException}.
     */
    GitHubReply once(String method, URI url, RequestBody body, boolean freshConnection) {
        try {
            return send(method, url, body, freshConnection, null);
        } catch (IOException e) {
            throw unanswered(method, url, e);
        }
    }

    /**
     * Uploads a large body (an asset) {@link #once once}: through the upload client, whose idle timeout is kept by the
     * {@link SendWatch}. A body GitHub stopped reading fails, after the idle timeout, as a timeout that says so.
     */
    GitHubReply upload(URI url, RequestBody body, boolean freshConnection) {
        try {
            return sendWatch.watched(body, (watched, calling) -> send("POST", url, watched, freshConnection,
                    calling));
        } catch (IOException e) {
            throw unanswered("POST", url, e);
        }
    }

    private static GitHubUnreachableException unanswered(String method, URI url, IOException e) {
        return new GitHubUnreachableException("GitHub did not answer " + method + " " + url + " ("
                + Failures.describe(e) + "). " + RUN_AGAIN, e);
    }

    private GitHubReply retried(String method, URI url, RequestBody body) {
        String what = method + " " + url.getPath();
        return retry.run(Schedule.of(settings), number -> {
            GitHubReply reply = resendingWhenStale(method, url, body, number > 1);
            Optional<Duration> limited = rateLimit.waitFor(reply);
            if (reply.status() < 500 && limited.isEmpty()) {
                return Retry.Outcome.done(reply);
            }
            if (number >= settings.attempts()) {
                if (limited.isPresent()) {
                    throw GitHubRateLimit.outlasted(method, url, reply, limited.get());
                }
                return Retry.Outcome.done(reply);
            }
            return Retry.Outcome.retry("HTTP " + reply.status() + (reply.message().isEmpty() ? ""
                    : " " + reply.message()), limited.orElse(null), null);
        }, new Retry.Plan<>() {
            @Override
            public RuntimeException gaveUp(int attempts, String problem, Throwable cause) {
                return new GitHubUnreachableException("GitHub did not answer " + method + " " + url + " (" + problem
                        + ") after " + attempts + " attempts. " + RUN_AGAIN, cause);
            }

            @Override
            public String retrying(String problem, Duration wait, int next) {
                return "GitHub: " + what + " failed (" + problem + "); retrying in " + Durations.human(wait)
                        + " (attempt " + next + " of " + settings.attempts() + ").";
            }
        });
    }

    private GitHubReply resendingWhenStale(String method, URI url, RequestBody body, boolean freshConnection)
            throws IOException {
        try {
            return send(method, url, body, freshConnection, null);
        } catch (StaleConnectionException e) {
            return send(method, url, body, true, null);
        }
    }

    /**
     * {@code watchedCall}: for an upload watched by the {@link SendWatch}, told its call (sent through the upload
     * client); null for every other request.
     */
    private GitHubReply send(String method, URI url, RequestBody body, boolean freshConnection,
                             Consumer<Call> watchedCall) throws IOException {
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        if (write) {
            long since = epochMillis.getAsLong() - lastWriteMillis;
            if (since < minWriteInterval.toMillis()) {
                sleeper.sleep(Duration.ofMillis(minWriteInterval.toMillis() - since));
            }
            lastWriteMillis = epochMillis.getAsLong();
        }
        RequestBody sent = body == null && (method.equals("POST") || method.equals("PATCH") || method.equals("PUT"))
                ? RequestBody.create(new byte[0], null) : body;
        Request request = request(url, endpoint.accept()).method(method, sent).build();
        OkHttpClient via = watchedCall == null ? client : uploads;
        return TracedCall.execute(freshConnection ? HttpClients.ofItsOwn(via) : via, request, response -> {
            BufferedSource source = response.body().source();
            if (source.request(MAX_BODY)) {
                throw new IOException("GitHub's answer is larger than " + (MAX_BODY >> 20) + " MiB");
            }
            return new GitHubReply(response.code(), source.readString(StandardCharsets.UTF_8),
                    response.headers().toMultimap());
        }, watchedCall == null ? call -> { } : watchedCall);
    }

    /**
     * Reads a download (an asset's bytes) with {@code reader}, retried like every read: network failures, 5xx and rate
     * limits; each attempt reads from the start.
     */
    <T> T download(URI url, IoReader<T> reader) {
        Request request = request(url, "application/octet-stream").get().build();
        String failed = "Downloading " + url + " to compare it failed: ";
        TracedCall.Reader<Downloaded<T>> read = response -> response.isSuccessful()
                ? new Downloaded<>(response.code(), reader.read(response.body().byteStream()), null)
                : new Downloaded<>(response.code(), null, new GitHubReply(response.code(), "",
                response.headers().toMultimap()));
        return retry.run(Schedule.of(settings), number -> {
            Downloaded<T> got;
            try {
                got = execute(request, number > 1, read);
            } catch (StaleConnectionException e) {
                got = execute(request, true, read);
            }
            if (got.refused() == null) {
                return Retry.Outcome.done(got.value());
            }
            Optional<Duration> limited = rateLimit.waitFor(got.refused());
            if (got.status() < 500 && limited.isEmpty()) {
                throw new GitHubException(failed + "HTTP " + got.status() + ". Check that the token can read the "
                        + "repository's releases.", got.status());
            }
            return Retry.Outcome.retry("HTTP " + got.status(), limited.orElse(null), null);
        }, new Retry.Plan<>() {
            @Override
            public RuntimeException gaveUp(int attempts, String problem, Throwable cause) {
                return new GitHubUnreachableException(failed + problem + " (" + attempts + " attempts). Run again.",
                        cause);
            }

            @Override
            public String retrying(String problem, Duration wait, int next) {
                return "GitHub: downloading " + url.getPath() + " failed (" + problem + "); retrying in "
                        + Durations.human(wait) + " (attempt " + next + " of " + settings.attempts() + ").";
            }
        });
    }

    /** A download's answer: the value read, or the refusal (no body read). */
    private record Downloaded<T>(int status, T value, GitHubReply refused) {
    }

    private Request.Builder request(URI url, String accept) {
        if (!endpoint.mayReceiveToken(url)) {
            throw new GitHubException("GitHub named " + UserInfo.strip(url) + " for a request, which is not on "
                    + endpoint.apiUrl().getHost() + " (or its uploads host): the token is sent nowhere else. Check "
                    + "the GitHub API URL; a release's upload_url must point at the same GitHub.", 0);
        }
        return new Request.Builder().url(url.toString())
                .header("Accept", accept)
                .header("Authorization", token.authorization(endpoint.authScheme()))
                .header("X-GitHub-Api-Version", endpoint.apiVersion())
                .header("User-Agent", "logflux-release");
    }

    private <T> T execute(Request request, boolean freshConnection, TracedCall.Reader<T> reader) throws IOException {
        return TracedCall.execute(freshConnection ? HttpClients.ofItsOwn(client) : client, request, reader);
    }

    interface IoReader<T> {
        T read(InputStream in) throws IOException;
    }

    /** How long GitHub asks to wait before this request is sent again; empty when the answer is not a rate limit. */
    Optional<Duration> rateLimitWait(GitHubReply reply) {
        return rateLimit.waitFor(reply);
    }

    @Override
    public void close() {
        sendWatch.close();
        HttpClients.close(client);
    }
}
