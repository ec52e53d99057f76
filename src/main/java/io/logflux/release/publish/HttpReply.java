package io.logflux.release.publish;

import io.logflux.release.http.RetryAfter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response from an index, its body already read (bounded); the index's message is worked out once, when it is
 * first asked for.
 */
final class HttpReply {
    private static final int MAX_MESSAGE = 600;
    /** The most of an error body read for its words: a page larger than this is not an error message. */
    private static final int MAX_PAGE = 1 << 20;
    /** The reason phrases that say nothing the status does not (RFC 9110's, and older names of the same). */
    private static final Map<Integer, String> STANDARD_REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"), Map.entry(303, "See Other"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(413, "Payload Too Large|Content Too Large|Request Entity Too Large"),
            Map.entry(422, "Unprocessable Entity|Unprocessable Content"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));
    /** Bottle's error page (pypiserver) wraps the message in this sentence. */
    private static final Pattern BOTTLE_PREAMBLE = Pattern.compile("^Sorry, the requested URL .{0,2000}? caused an "
            + "error: ");
    private static final Pattern DOUBLE_BREAK = Pattern.compile("(?i)<br\\s*/?>\\s*<br\\s*/?>");

    private final int status;
    private final String reason;
    private final String contentType;
    private final String body;
    private final String retryAfter;
    private final String location;
    private final boolean elsewhere;
    private String message;

    /**
     * @param reason the status line's reason phrase: warehouse puts its message there ("400 File already exists …")
     */
    HttpReply(int status, String reason, String contentType, String body, String retryAfter, String location) {
        this(status, reason, contentType, body, retryAfter, location, false);
    }

    private HttpReply(int status, String reason, String contentType, String body, String retryAfter, String location,
                      boolean elsewhere) {
        this.elsewhere = elsewhere;
        this.status = status;
        this.reason = reason == null ? "" : reason.strip();
        this.contentType = contentType == null ? "" : contentType;
        this.body = body == null ? "" : body;
        this.retryAfter = retryAfter;
        this.location = location;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    String body() {
        return body;
    }

    String location() {
        return location;
    }

    /** This redirect, read as "not on this index": it pointed to another server, which was not asked. */
    HttpReply elsewhere() {
        return new HttpReply(status, reason, contentType, body, retryAfter, location, true);
    }

    /** The index does not have what was asked: 404, or a redirect to another server. */
    boolean absent() {
        return status == 404 || elsewhere;
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /**
     * Whether the status line or the body (its first MiB) holds {@code words} as sent, markup and all: cheaper than
     * {@link #message()}, for words that an HTML page would not escape.
     */
    boolean mentions(String words) {
        return reason.contains(words) || page().contains(words);
    }

    /** The part of the body read for its words. */
    private String page() {
        return body.length() > MAX_PAGE ? body.substring(0, MAX_PAGE) : body;
    }

    boolean serverError() {
        return status >= 500 && status < 600;
    }

    /**
     * The index's own explanation, as a person would read it, shortened; empty when the answer says nothing. In order:
     * a reason phrase that is more than the status's name (warehouse's message), the {@code code} of warehouse's JSON
     * error body (the same status line) or its {@code message}, then the text of an HTML page (no markup, no CSS, no
     * entities, without the heading that repeats the status) or of a plain body.
     */
    synchronized String message() {
        if (message == null) {
            message = readMessage();
        }
        return message;
    }

    private String readMessage() {
        if (!reason.isEmpty() && !isStandardReason(reason)) {
            return shorten(reason);
        }
        String text = page().strip();
        if (text.startsWith("{")) {
            Optional<String> fromJson = fromJson(text);
            if (fromJson.isPresent()) {
                return shorten(fromJson.get());
            }
        }
        if (contentType.toLowerCase(Locale.ROOT).contains("html") || text.startsWith("<")) {
            text = textOfHtml(text);
        } else {
            Optional<String> statusLine = statusLineMessage(text.lines().findFirst().orElse(""));
            if (statusLine.isPresent()) {
                return shorten(statusLine.get());
            }
        }
        text = text.replaceAll("\\s+", " ").strip();
        String standard = STANDARD_REASONS.get(status);
        if (standard != null) {
            Matcher heading = Pattern.compile("^(Error: )?" + status + " (" + standard + ")\\b",
                    Pattern.CASE_INSENSITIVE).matcher(text);
            if (heading.find() && heading.end() < text.length()) {
                text = text.substring(heading.end()).strip();
            }
        }
        Matcher bottle = BOTTLE_PREAMBLE.matcher(text);
        if (bottle.find()) {
            text = text.substring(bottle.end());
            // bottle prints an HTTPError without a body as "None" (pypiserver's 403 for a wrong password).
            if (text.equals("None")) {
                return "";
            }
        }
        return shorten(text);
    }

    /** "400 File already exists …" as a heading or first line: the text after the status, if it is not its name. */
    private Optional<String> statusLineMessage(String line) {
        String prefix = status + " ";
        String strip = line.strip();
        if (strip.startsWith(prefix) && !isStandardReason(strip.substring(prefix.length()))) {
            return Optional.of(strip.substring(prefix.length()).strip());
        }
        return Optional.empty();
    }

    private Optional<String> fromJson(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            String code = node.path("code").asText("").strip();
            String prefix = status + " ";
            if (code.startsWith(prefix) && !isStandardReason(code.substring(prefix.length()))) {
                return Optional.of(code.substring(prefix.length()).strip());
            }
            if (node.hasNonNull("message")) {
                return Optional.of(withoutExplanation(node.get("message").asText()));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON after all: read it as text
        }
        return Optional.empty();
    }

    /**
     * Pyramid's JSON body puts the exception's generic explanation before the detail, a blank line between; the
     * detail is the index's message.
     */
    private static String withoutExplanation(String message) {
        String strip = message.strip();
        int gap = strip.indexOf("\n\n");
        return (gap < 0 ? strip : strip.substring(gap).strip()).replaceAll("\\s+", " ");
    }

    /**
     * The words of an HTML error page. Pyramid's (warehouse, devpi) has the status line as its heading, then the
     * class's generic explanation, two line breaks, and the detail: the heading's message, else the detail, is it.
     */
    private String textOfHtml(String html) {
        Document page = Jsoup.parse(html);
        Element heading = page.selectFirst("h1");
        if (heading != null) {
            Optional<String> message = statusLineMessage(heading.text());
            if (message.isPresent()) {
                return message.get();
            }
        }
        page.select("head, style, script, title").remove();
        Element body = page.body();
        if (body == null) {
            return "";
        }
        String[] paragraphs = DOUBLE_BREAK.split(body.html());
        if (paragraphs.length > 1) {
            String detail = Jsoup.parse(paragraphs[paragraphs.length - 1]).text().strip();
            if (!detail.isEmpty()) {
                return detail;
            }
        }
        return body.text();
    }

    private boolean isStandardReason(String phrase) {
        String standard = STANDARD_REASONS.get(status);
        String p = phrase.strip();
        return p.isEmpty() || (standard != null && p.matches("(?i)" + standard));
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "…" : oneLine;
    }

    /** Retry-After as seconds or an HTTP date; empty when absent or unreadable. */
    Optional<Duration> retryAfterDuration() {
        return RetryAfter.parse(retryAfter);
    }

    /**
     * Made on first use: a mapper's first construction costs a cold JVM tens of milliseconds (locale and calendar data
     * among them), and the token probe's answers, on the path to the first byte of an upload, seldom need one.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
