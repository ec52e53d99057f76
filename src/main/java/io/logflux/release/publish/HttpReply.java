package io.logflux.release.publish;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A response from an index, its body already read (bounded). */
record HttpReply(int status, String contentType, String body, String retryAfter, String location) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern TITLE = Pattern.compile("(?is)<title>.*?</title>");
    /** An error page's heading, "400 Bad Request", which says nothing the status does not. */
    private static final Pattern STATUS_HEADING = Pattern.compile("^(\\d{3}) (Bad Request|Unauthorized|Forbidden|"
            + "Not Found|Method Not Allowed|Request Timeout|Conflict|Gone|Payload Too Large|Request Entity Too Large|"
            + "Unprocessable (Entity|Content)|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|"
            + "Gateway Timeout)\\b");

    boolean ok() {
        return status >= 200 && status < 300;
    }

    boolean serverError() {
        return status >= 500 && status < 600;
    }

    /**
     * The index's own explanation: warehouse's JSON {@code message} (sent because we ask for JSON), else the text of an
     * HTML or plain body, shortened; empty when the body says nothing.
     */
    String message() {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(text);
                if (node.hasNonNull("message")) {
                    return node.get("message").asText().strip();
                }
            } catch (Exception e) {
                // not JSON after all: fall through to text
            }
        }
        text = TITLE.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll(" ").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
        text = text.replaceAll("\\s+", " ").strip();
        Matcher m = STATUS_HEADING.matcher(text);
        if (m.find() && m.group(1).equals(Integer.toString(status)) && m.end() < text.length()) {
            text = text.substring(m.end()).strip();
        }
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    /** Retry-After as seconds or an HTTP date; empty when absent or unreadable. */
    Optional<Duration> retryAfterDuration() {
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        String value = retryAfter.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }
}
