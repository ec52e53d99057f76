package io.logflux.release.github;

import io.logflux.release.http.Backoff;
import io.logflux.release.units.Durations;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Calls the GitHub API with the headers GitHub asks for (Accept, X-GitHub-Api-Version, User-Agent, Authorization),
 * at least one second between writes as GitHub advises, and retries where that is safe: network failures, 5xx, and
 * rate limits (Retry-After, then x-ratelimit-reset). Requests that must not be repeated blindly (creating a release,
 * uploading an asset) are sent once; their callers decide after looking at GitHub's state, and wait out a rate limit
 * with {@link #rateLimitWait}.
 */
final class GitHubHttp implements AutoCloseable {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long MAX_BODY = 32L << 20;
    private static final Duration LONGEST_RATE_LIMIT_WAIT = Duration.ofMinutes(15);

    private final GitHubEndpoint endpoint;
    private final GitHubToken token;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final LongSupplier epochMillis;
    private final Duration minWriteInterval;
    private final Consumer<String> log;
    private final OkHttpClient client;
    private long lastWriteMillis = Long.MIN_VALUE / 2;

    GitHubHttp(GitHubEndpoint endpoint, GitHubToken token, HttpSettings settings, Sleeper sleeper,
               LongSupplier epochMillis, Duration minWriteInterval, Consumer<String> log) {
        this.endpoint = endpoint;
        this.token = token;
        this.settings = settings;
        this.sleeper = sleeper;
        this.epochMillis = epochMillis;
        this.minWriteInterval = minWriteInterval;
        this.log = log;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(settings.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.idle().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(settings.idle().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(settings.upload().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .build();
    }

    GitHubEndpoint endpoint() {
        return endpoint;
    }

    /** Sends a request; retried when {@code retrySafe}. Non-2xx answers are returned for the caller to read. */
    GitHubReply call(String method, URI url, RequestBody body, boolean retrySafe) {
        return call(method, url, body, endpoint.accept(), retrySafe);
    }

    GitHubReply call(String method, URI url, RequestBody body, String accept, boolean retrySafe) {
        Backoff backoff = new Backoff(settings);
        IOException lastFailure = null;
        String lastProblem = "no answer";
        int attempts = retrySafe ? settings.attempts() : 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration wait = null;
            try {
                GitHubReply reply = once(method, url, body, accept);
                Optional<Duration> limited = rateLimitWait(reply);
                boolean retryable = reply.status() >= 500 || limited.isPresent();
                if (!retryable || !retrySafe || attempt == attempts) {
                    // A request that is sent once hands the rate limit to its caller, which waits, looks, then resends.
                    if (limited.isPresent() && reply.status() != 200 && retrySafe) {
                        throw new GitHubUnreachableException("GitHub's rate limit stopped " + method + " " + url.getPath()
                                + " (" + reply.status() + " " + reply.message() + "); it allows requests again in "
                                + Durations.human(limited.get()) + ". Run again then; what was done is kept.", null);
                    }
                    return reply;
                }
                lastProblem = "HTTP " + reply.status() + (reply.message().isEmpty() ? "" : " " + reply.message());
                wait = limited.orElse(null);
            } catch (IOException e) {
                lastFailure = e;
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                if (!retrySafe) {
                    break;
                }
            }
            if (attempt < attempts) {
                Duration delay = backoff.delay(attempt, wait);
                log.accept("GitHub: " + method + " " + url.getPath() + " failed (" + lastProblem + "); retrying in "
                        + Durations.human(delay) + " (attempt " + (attempt + 1) + " of " + attempts + ").");
                sleeper.sleep(delay);
            }
        }
        throw new GitHubUnreachableException("GitHub did not answer " + method + " " + url + " ("
                + lastProblem + ")" + (retrySafe ? " after " + attempts + " attempts" : "") + ". Check the network "
                + "and https://www.githubstatus.com, then run again: what is done is kept and re-runs resume.",
                lastFailure);
    }

    private GitHubReply once(String method, URI url, RequestBody body, String accept) throws IOException {
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        if (write) {
            long since = epochMillis.getAsLong() - lastWriteMillis;
            if (since < minWriteInterval.toMillis()) {
                sleeper.sleep(Duration.ofMillis(minWriteInterval.toMillis() - since));
            }
            lastWriteMillis = epochMillis.getAsLong();
        }
        Request request = new Request.Builder().url(url.toString())
                .method(method, body == null && (method.equals("POST") || method.equals("PATCH")
                        || method.equals("PUT")) ? RequestBody.create(new byte[0], null) : body)
                .header("Accept", accept)
                .header("Authorization", token.authorization(endpoint.authScheme()))
                .header("X-GitHub-Api-Version", endpoint.apiVersion())
                .header("User-Agent", "logflux-release")
                .build();
        try (Response response = client.newCall(request).execute()) {
            BufferedSource source = response.body().source();
            if (source.request(MAX_BODY)) {
                throw new IOException("GitHub's answer is larger than " + (MAX_BODY >> 20) + " MiB");
            }
            return new GitHubReply(response.code(), source.readString(StandardCharsets.UTF_8),
                    response.headers().toMultimap());
        }
    }

    /** Streams a download (an asset's bytes) into {@code sink}; redirects to storage hosts drop the token (OkHttp). */
    void download(URI url, IoConsumer sink) {
        Request request = new Request.Builder().url(url.toString()).get()
                .header("Accept", "application/octet-stream")
                .header("Authorization", token.authorization(endpoint.authScheme()))
                .header("X-GitHub-Api-Version", endpoint.apiVersion())
                .header("User-Agent", "logflux-release")
                .build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new GitHubException("Downloading " + url + " to compare it failed: HTTP " + response.code()
                        + ". Check that the token can read the repository's releases.", response.code());
            }
            sink.accept(response.body().byteStream());
        } catch (IOException e) {
            throw new GitHubUnreachableException("Downloading " + url + " to compare it failed: " + e.getMessage()
                    + ". Run again.", e);
        }
    }

    interface IoConsumer {
        void accept(java.io.InputStream in) throws IOException;
    }

    /**
     * How long GitHub asks to wait: Retry-After; else, when x-ratelimit-remaining is 0, until x-ratelimit-reset (epoch
     * seconds; the recorded fixtures carry milliseconds, so large values are read as such); else a secondary limit
     * (403/429 saying "rate limit") waits at least a minute. Empty when the answer is not a rate limit.
     */
    Optional<Duration> rateLimitWait(GitHubReply reply) {
        if (reply.status() != 403 && reply.status() != 429) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = reply.header("retry-after").flatMap(GitHubHttp::seconds);
        if (retryAfter.isPresent()) {
            return retryAfter.map(GitHubHttp::capped);
        }
        if (reply.header("x-ratelimit-remaining").map(String::strip).filter("0"::equals).isPresent()) {
            Optional<Long> reset = reply.header("x-ratelimit-reset").flatMap(v -> {
                try {
                    return Optional.of(Long.parseLong(v.strip()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
            long resetMillis = reset.map(r -> r > 100_000_000_000L ? r : r * 1000).orElse(epochMillis.getAsLong() + 60_000);
            return Optional.of(capped(Duration.ofMillis(Math.max(1000, resetMillis - epochMillis.getAsLong()))));
        }
        if (reply.status() == 429 || reply.message().toLowerCase(Locale.ROOT).contains("rate limit")) {
            return Optional.of(Duration.ofMinutes(1));
        }
        return Optional.empty();
    }

    private static Duration capped(Duration wait) {
        return wait.compareTo(LONGEST_RATE_LIMIT_WAIT) > 0 ? LONGEST_RATE_LIMIT_WAIT : wait;
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
