package io.logflux.release.github;

import io.logflux.release.ReleaseException;

import io.logflux.release.secret.UserInfo;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where and how the API is called: the base URL (api.github.com, or {@code https://HOST/api/v3} for GitHub Enterprise
 * Server), the Accept header, the authorization scheme and the API version. The defaults are GitHub's current
 * recommendations; the recorded fixtures the tests replay use {@code application/vnd.github.v3+json} and
 * {@code token}, so both are settable.
 */
public record GitHubEndpoint(URI apiUrl, String accept, String authScheme, String apiVersion) {
    public static final String DEFAULT_API = "https://api.github.com/";
    public static final String MODERN_ACCEPT = "application/vnd.github+json";
    public static final String API_VERSION = "2022-11-28";

    public static GitHubEndpoint defaults() {
        return new GitHubEndpoint(URI.create(DEFAULT_API), MODERN_ACCEPT, "Bearer", API_VERSION);
    }

    /** GitHub.com, or GitHub Enterprise Server at {@code https://HOST/api/v3}. */
    public static GitHubEndpoint at(String apiUrl) {
        if (apiUrl == null || apiUrl.isBlank()) {
            return defaults();
        }
        try {
            URI uri = new URI(apiUrl.strip().endsWith("/") ? apiUrl.strip() : apiUrl.strip() + "/");
            if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new URISyntaxException(UserInfo.mask(apiUrl), "not an http(s) URL with a host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new ReleaseException("The GitHub API URL '" + UserInfo.strip(uri) + "' was given with a user "
                        + "name or password. Remove them from the URL: the GitHub token is the only credential sent.");
            }
            return new GitHubEndpoint(uri, MODERN_ACCEPT, "Bearer", API_VERSION);
        } catch (URISyntaxException e) {
            throw new ReleaseException("The GitHub API URL '" + UserInfo.mask(apiUrl) + "' is not an http(s) URL (" + e.getReason()
                    + "). Use https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.");
        }
    }

    public GitHubEndpoint withAccept(String accept) {
        return new GitHubEndpoint(apiUrl, accept, authScheme, apiVersion);
    }

    public GitHubEndpoint withAuthScheme(String scheme) {
        return new GitHubEndpoint(apiUrl, accept, scheme, apiVersion);
    }

    /**
     * Whether a request to {@code url} may carry the token: the API's host, and on github.com also uploads.github.com
     * (GitHub Enterprise Server serves uploads from its API host). Loopback names are one host (a local stand-in).
     */
    boolean mayReceiveToken(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT);
        String api = apiUrl.getHost().toLowerCase(java.util.Locale.ROOT);
        return host.equals(api) || (api.equals("api.github.com") && host.equals("uploads.github.com"))
                || (loopback(api) && loopback(host));
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** The web pages of this GitHub: github.com for api.github.com, else the Enterprise host without /api/v3/. */
    URI webUrl() {
        if (apiUrl.getHost().equalsIgnoreCase("api.github.com")) {
            return URI.create("https://github.com/");
        }
        return apiUrl.resolve(apiUrl.getPath().replaceFirst("api/v3/?$", ""));
    }

    URI resolve(String path) {
        return apiUrl.resolve(path);
    }
}
