package io.logflux.release.secret;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The user name and password a URL may carry ({@code https://user:pass@host/}), which no message and no command line
 * may show: URLs are printed without it, and it reaches a child only through a file readable by the user alone.
 */
public final class UserInfo {
    private static final Pattern IN_TEXT = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s'\"<>]+@");

    private UserInfo() {
    }

    /** The URL without user name and password. */
    public static URI strip(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getRawPath() == null ? null
                    : url.getPath(), url.getQuery(), url.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a URL without its user info is still a URL", e);
        }
    }

    /** The text with the user info of every URL in it masked: {@code https://****@host/}. */
    public static String mask(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll("$1" + Secret.MASK + "@");
    }
}
