package io.logflux.release.rehearsal;

import io.undertow.server.HttpServerExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * How the index answers, as warehouse does: its refusals and its OK page rendered by Pyramid, and plain replies.
 */
public final class WarehouseReplies {
    /** Pyramid's title and {@code explanation} of its exception classes for the statuses the index sends. */
    private record PyramidStatus(String title, String explanation) {
    }

    private static final Map<Integer, PyramidStatus> PYRAMID = Map.of(
            400, new PyramidStatus("Bad Request", "The server could not comply with the request since it is either "
                    + "malformed or otherwise incorrect."),
            403, new PyramidStatus("Forbidden", "Access was denied to this resource."),
            404, new PyramidStatus("Not Found", "The resource could not be found."),
            405, new PyramidStatus("Method Not Allowed", "The method POST is not allowed for this resource."),
            409, new PyramidStatus("Conflict", "There was a conflict when trying to complete your request."),
            413, new PyramidStatus("Request Entity Too Large", "The body of your request was too large for this "
                    + "server."),
            429, new PyramidStatus("Too Many Requests", "The action could not be performed because there were too "
                    + "many requests by the client."),
            500, new PyramidStatus("Internal Server Error", "The server has either erred or is incapable of "
                    + "performing the requested operation."),
            502, new PyramidStatus("Bad Gateway", "Bad gateway."),
            503, new PyramidStatus("Service Unavailable", "The server is currently unavailable. Please try again at "
                    + "a later time."));

    private WarehouseReplies() {
    }

    /** Sends warehouse's refusal on an exchange of the index's server and ends the exchange. */
    public static void refuse(HttpServerExchange exchange, int status, String message) throws IOException {
        IndexExchange answer = new IndexExchange(exchange);
        refuse(answer, status, message);
        answer.close();
    }

    /**
     * A refusal as warehouse sends it: {@code _exc_with_message} (warehouse/forklift/utils.py) makes the message the
     * status line's reason ("400 File already exists …"), and Pyramid renders the body from that status
     * (pyramid/httpexceptions.py, {@code HTTPException.prepare}): for {@code Accept: application/json}
     * {@code {"message": body, "code": status, "title": title}} where body is the class's explanation, two line breaks,
     * then the detail; for text/html its html_template with the status in the title and the heading; else text/plain.
     * A client must read both (HTTP/2, which PyPI speaks, has no reason phrase at all).
     */
    static void refuse(IndexExchange exchange, int status, String message) throws IOException {
        // _exc_with_message: the message, iso-8859-1-safe, is the status line's reason.
        String reason = new String(message.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        pyramidPage(exchange, status, reason, message);
    }

    /**
     * Pyramid's HTTPRequestEntityTooLarge raised with {@code detail} (warehouse/views.py L433): its own status line,
     * the detail in the body; for an upload past one of the index's limits.
     */
    static void tooLarge(IndexExchange exchange, String detail) throws IOException {
        pyramidPage(exchange, 413, null, detail);
    }

    /**
     * warehouse's answer to a stored upload and to an identical re-upload (legacy.py: {@code return HTTPOk()} after
     * {@code _is_duplicate_file}, and {@code HTTPOk(body="\n".join(warnings))} at the end): Pyramid renders its
     * default page for an empty body too (WebOb's has_body is false for it).
     */
    static void ok(IndexExchange exchange) throws IOException {
        pyramidPage(exchange, 200, null, "");
    }

    /** Pyramid's HTTPException.prepare for the Accept header; {@code reason} null for the standard status line. */
    private static void pyramidPage(IndexExchange exchange, int status, String reason, String message)
            throws IOException {
        PyramidStatus pyramid = PYRAMID.getOrDefault(status, new PyramidStatus("OK", ""));
        String statusLine = status + " " + (reason == null ? pyramid.title() : reason);
        String explanation = pyramid.explanation();
        String type = pyramidChoice(exchange.getRequestHeaders().getFirst("Accept"));
        if (type.equals("text/html")) {
            // Pyramid's html_template_obj: the status as it is in title and heading; body_template_obj with
            // br = "<br/>" and the detail HTML-escaped.
            String body = explanation + "<br/><br/>\n" + htmlEscape(message) + "\n\n";
            String html = "<html>\n <head>\n  <title>" + statusLine + "</title>\n </head>\n <body>\n"
                    + "  <h1>" + statusLine + "</h1>\n  " + body + "\n </body>\n</html>";
            respond(exchange, status, reason, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
        } else if (type.equals("application/json")) {
            // Python's json.dumps of the dict, keys in Pyramid's order, its separators and ASCII escapes.
            String body = "{\"message\": " + pythonJson(explanation + "\n\n\n" + message + "\n\n") + ", \"code\": "
                    + pythonJson(statusLine) + ", \"title\": " + pythonJson(pyramid.title()) + "}";
            respond(exchange, status, reason, "application/json", body.getBytes(StandardCharsets.UTF_8));
        } else {
            String plain = statusLine + "\n\n" + explanation + "\n\n\n" + message + "\n\n";
            respond(exchange, status, reason, "text/plain; charset=UTF-8", plain.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Pyramid's choice between its offers text/html and application/json for an Accept header (WebOb's
     * acceptable_offers: by quality, ties in the offers' order), text/plain when neither (also when there is no
     * header: prepare() reads a missing one as an empty one).
     */
    static String pyramidChoice(String accept) {
        if (accept == null || accept.isBlank()) {
            return "text/plain";
        }
        double html = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.strip().split(";");
            String media = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (media.equals("text/html") || media.equals("text/*") || media.equals("*/*")) {
                html = media.equals("text/html") ? q : Math.max(html, q);
            }
            if (media.equals("application/json") || media.equals("application/*") || media.equals("*/*")) {
                json = media.equals("application/json") ? q : Math.max(json, q);
            }
        }
        if (html <= 0 && json <= 0) {
            return "text/plain";
        }
        return json > html ? "application/json" : "text/html";
    }

    private static double quality(String[] mediaRangeParts) {
        double q = 1;
        for (int i = 1; i < mediaRangeParts.length; i++) {
            String p = mediaRangeParts[i].strip();
            if (p.startsWith("q=")) {
                try {
                    q = Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    q = 0;
                }
            }
        }
        return q;
    }

    private static String pythonJson(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String htmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    /** The JSON API's error body. */
    static void jsonError(IndexExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, "application/json", ("{\"message\": \"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A redirect with an empty body. */
    static void redirect(IndexExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        respond(exchange, status, "text/plain", new byte[0]);
    }

    static void respond(IndexExchange exchange, int status, String contentType, byte[] body) throws IOException {
        respond(exchange, status, null, contentType, body);
    }

    private static void respond(IndexExchange exchange, int status, String reason, String contentType, byte[] body)
            throws IOException {
        // Whatever the handler did not read must not be left in the connection.
        exchange.discardRestOfBody();
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, reason, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
