package io.logflux.release.rehearsal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** Who a request's Authorization header says it is: a token the index knows, another user name, or nobody. */
record Identity(String token, String username) {
    /** Basic auth with {@code __token__} and a known token, or a Token/Bearer header with one; null for nobody. */
    static Identity of(String authorization, IndexStorage storage) {
        if (authorization == null) {
            return null;
        }
        String lower = authorization.toLowerCase(Locale.ROOT);
        Optional<String> token;
        if (lower.startsWith("basic ")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String username = decoded.substring(0, colon);
            if (!username.equals("__token__")) {
                return new Identity(null, username);
            }
            token = Optional.of(decoded.substring(colon + 1));
        } else if (lower.startsWith("token ") || lower.startsWith("bearer ")) {
            token = Optional.of(authorization.substring(authorization.indexOf(' ') + 1).trim());
        } else {
            return null;
        }
        return token.filter(t -> storage.scopeOf(t).isPresent()).map(t -> new Identity(t, null)).orElse(null);
    }

    boolean isUser() {
        return username != null;
    }
}
