package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Asks GitHub what a token may do on a repository (one read, retried like every read). */
public final class GitHubTokenInspector {
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);
    private static final DateTimeFormatter ZONE_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z",
            Locale.ROOT);

    /** Token prefix, and the kind of token it marks. */
    private static final List<Map.Entry<String, String>> KINDS = List.of(
            Map.entry("github_pat_", "fine-grained personal access token"),
            Map.entry("ghp_", "classic personal access token"),
            Map.entry("gho_", "OAuth app token"),
            Map.entry("ghu_", "GitHub App user-to-server token"),
            Map.entry("ghs_", "GitHub App installation token (also Actions' GITHUB_TOKEN)"));

    private GitHubTokenInspector() {
    }

    public static GitHubTokenInfo inspect(GitHubEndpoint endpoint, GitHubToken token, GitHubRepo repo,
                                          HttpSettings settings, Sleeper sleeper) {
        try (GitHubHttp http = new GitHubHttp(endpoint, token, settings, sleeper, System::currentTimeMillis,
                Duration.ZERO, line -> { })) {
            GitHubReply reply = http.call("GET", endpoint.resolve("repos/" + repo.owner() + "/" + repo.name()), null,
                    true);
            JsonNode json = reply.json();
            List<String> scopes = reply.header("x-oauth-scopes").map(s -> Arrays.stream(s.split(","))
                    .map(String::strip).filter(x -> !x.isEmpty()).toList()).orElse(List.of());
            JsonNode push = json.path("permissions").path("push");
            return new GitHubTokenInfo(reply.status(), push.isBoolean() ? Optional.of(push.asBoolean())
                    : Optional.empty(), scopes,
                    reply.header("github-authentication-token-expiration").flatMap(GitHubTokenInspector::expiry),
                    reply.message());
        }
    }

    /** "2021-09-03 02:34:04 UTC", or with a numeric offset "2023-04-26 20:23:26 +0200". */
    static Optional<Instant> expiry(String header) {
        for (DateTimeFormatter format : List.of(ZONE_NAME, ZONE_OFFSET)) {
            try {
                return Optional.of(ZonedDateTime.parse(header.strip(), format).toInstant());
            } catch (DateTimeParseException e) {
                // try the other form
            }
        }
        return Optional.empty();
    }

    /** A GitHub App installation token ({@code ghs_}; also Actions' GITHUB_TOKEN): an hour long, permissions unlisted. */
    public static boolean isInstallationToken(String secret) {
        return secret != null && secret.strip().startsWith("ghs_");
    }

    /** A fine-grained personal access token ({@code github_pat_}). */
    public static boolean isFineGrained(String secret) {
        return secret != null && secret.strip().startsWith("github_pat_");
    }

    /** The kind of token its prefix says (GitHub's token formats). */
    public static String kindOf(String secret) {
        String s = secret == null ? "" : secret.strip();
        return KINDS.stream().filter(kind -> s.startsWith(kind.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("token of an unknown kind (no GitHub prefix)");
    }
}
