package io.logflux.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a listing page names, with their sha256 and URL: a JSON API release document ({@code urls}), a PEP 691
 * simple page ({@code files}) or a PEP 503 HTML simple page (anchors, the digest in the fragment).
 */
final class ListingPages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANCHOR = Pattern.compile("(?is)<a\\s[^>]*?href\\s*=\\s*([\"'])(.*?)\\1[^>]*>(.*?)</a>");

    private ListingPages() {
    }

    static Map<String, RemoteFile> ofJsonApi(String body) throws IOException {
        return ofJson(JSON.readTree(body).path("urls"), "digests");
    }

    static Map<String, RemoteFile> ofSimpleJson(String body) throws IOException {
        return ofJson(JSON.readTree(body).path("files"), "hashes");
    }

    private static Map<String, RemoteFile> ofJson(JsonNode entries, String digestsField) {
        Map<String, RemoteFile> files = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            String name = entry.path("filename").asText("");
            if (!name.isEmpty()) {
                files.put(name, new RemoteFile(name, text(entry.path(digestsField).path("sha256")),
                        text(entry.path("url"))));
            }
        }
        return files;
    }

    static Map<String, RemoteFile> ofSimpleHtml(String body, URI page) {
        Map<String, RemoteFile> files = new LinkedHashMap<>();
        Matcher m = ANCHOR.matcher(body);
        while (m.find()) {
            String href = m.group(2).replace("&amp;", "&");
            int hash = href.indexOf('#');
            String fragment = hash < 0 ? "" : href.substring(hash + 1);
            String path = hash < 0 ? href : href.substring(0, hash);
            String name = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
            Optional<String> sha = fragment.startsWith("sha256=") ? Optional.of(fragment.substring(7)) : Optional.empty();
            files.put(name, new RemoteFile(name, sha, Optional.of(page.resolve(path).toString())));
        }
        return files;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? Optional.empty()
                : Optional.of(node.asText());
    }
}
