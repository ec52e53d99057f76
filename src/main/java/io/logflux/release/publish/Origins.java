package io.logflux.release.publish;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which server a URL is on (scheme, host, port), for redirects: the credentials of an index go to its own origin only,
 * as requests and pip do (requests' {@code should_strip_auth}: another host, or a scheme or port change other than
 * http to https on the default ports).
 */
final class Origins {
    private Origins() {
    }

    /** {@code location} resolved against {@code base}; empty when it is not an absolute http(s) URL then. */
    static Optional<URI> resolve(URI base, String location) {
        try {
            URI next = base.resolve(location.strip());
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            return next.getHost() != null && (scheme.equals("http") || scheme.equals("https"))
                    ? Optional.of(next) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean same(URI from, URI to) {
        if (!from.getHost().equalsIgnoreCase(to.getHost())) {
            return false;
        }
        String fromScheme = from.getScheme().toLowerCase(Locale.ROOT);
        String toScheme = to.getScheme().toLowerCase(Locale.ROOT);
        if (fromScheme.equals(toScheme)) {
            return port(from) == port(to);
        }
        return fromScheme.equals("http") && toScheme.equals("https") && port(from) == 80 && port(to) == 443;
    }

    /** scheme://host[:port], what a message may show of a URL (never its path, query or user information). */
    static String of(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
