package io.logflux.release.secret;

import io.logflux.release.ReleaseException;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A token or password and where it came from ("credentials 'pypi-token'", "environment variable GITHUB_TOKEN"), which
 * is all messages ever show. The value is read only where a request header is built ({@link #reveal()}); everything
 * else goes through {@link #toString()} (masked) or {@link #redact(String)}. Serializable because a step sends it to
 * the agent inside its callable, as credentials-binding sends secrets; no equals/hashCode over the value.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String MASK = "****";

    private final String value;
    private final String source;
    private final String basicUser;

    private Secret(String value, String source, String basicUser) {
        this.value = value;
        this.source = source;
        this.basicUser = basicUser;
    }

    /**
     * The one blank check: a blank value fails with "The {what} from {source} is empty. {advice}", never showing
     * the value.
     *
     * @param what   what the value is: "token", "GitHub token"
     * @param advice what to store there instead, a full sentence
     */
    public static Secret require(String value, String source, String what, String advice) {
        if (value == null || value.isBlank()) {
            throw new ReleaseException("The " + what + " from " + source + " is empty. " + advice);
        }
        return new Secret(value.strip(), source, null);
    }

    /** A value that may be empty (a token check reports an empty one as a finding instead of failing). */
    public static Secret orEmpty(String value, String source) {
        return new Secret(value == null ? "" : value.strip(), source, null);
    }

    /** The same secret, sent as the password of HTTP Basic with this user (so {@link #redact} also hides that form). */
    public Secret sentAsPasswordOf(String user) {
        return new Secret(value, source, user);
    }

    /** Safe to print: where the value came from. */
    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    /** The value itself: only for building the request that sends it, never for a message. */
    public String reveal() {
        return value;
    }

    /** {@code Basic base64(user:value)}. */
    public String basicAuthorization(String user) {
        return "Basic " + basic(user);
    }

    /** The text with the value, its URL-encoded form and its HTTP Basic form replaced by {@value #MASK}. */
    public String redact(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String form : forms()) {
            redacted = redacted.replace(form, MASK);
        }
        return redacted;
    }

    private List<String> forms() {
        List<String> plain = new ArrayList<>();
        if (basicUser != null) {
            plain.add(basic(basicUser));
        }
        plain.add(value);
        plain.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        List<String> forms = new ArrayList<>();
        for (String form : plain) {
            forms.add(form);
            // a JSON body may escape '/' (base64 has it)
            forms.add(form.replace("/", "\\/"));
        }
        return forms.stream().distinct().toList();
    }

    private String basic(String user) {
        return Base64.getEncoder().encodeToString((user + ":" + value).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Secret[" + source + ", " + MASK + "]";
    }
}
