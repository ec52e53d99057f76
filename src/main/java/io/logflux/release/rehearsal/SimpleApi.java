package io.logflux.release.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The simple API (pypi-protocol.md §4): PEP 691 JSON when asked for it, else PEP 503 HTML. */
final class SimpleApi {
    private static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    private final ObjectMapper json = new ObjectMapper();
    private final ShownFiles shown;
    private final IndexStorage storage;

    SimpleApi(ShownFiles shown) {
        this.shown = shown;
        this.storage = shown.storage();
    }

    void handle(IndexExchange exchange, String path) throws IOException {
        String rest = path.substring("/simple/".length());
        if (rest.isEmpty()) {
            StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
            for (String p : storage.projects()) {
                html.append("<a href=\"/simple/").append(p).append("/\">").append(p).append("</a><br/>\n");
            }
            WarehouseReplies.respond(exchange, 200, "text/html", html.append("</body></html>\n").toString()
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = URLDecoder.decode(rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest,
                StandardCharsets.UTF_8);
        if (!rest.endsWith("/") || !name.equals(IndexStorage.normalize(name))) {
            WarehouseReplies.redirect(exchange, 301, "/simple/" + IndexStorage.normalize(name) + "/");
            return;
        }
        if (!storage.projects().contains(name)) {
            WarehouseReplies.respond(exchange, 404, "text/plain", "404 Not Found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<StoredFile> project = shown.of(name, null);
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.contains(SIMPLE_JSON)) {
            WarehouseReplies.respond(exchange, 200, SIMPLE_JSON, pep691(name, project));
        } else {
            WarehouseReplies.respond(exchange, 200, "text/html; charset=utf-8", pep503(name, project));
        }
    }

    private byte[] pep691(String name, List<StoredFile> project) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.putObject("meta").put("api-version", "1.1").put("_last-serial", storage.serial());
        root.put("name", name);
        ArrayNode versions = root.putArray("versions");
        project.stream().map(StoredFile::version).distinct().forEach(versions::add);
        ArrayNode list = root.putArray("files");
        for (StoredFile f : project) {
            ObjectNode o = list.addObject();
            o.put("filename", f.filename());
            o.put("url", shown.url(f));
            o.putObject("hashes").put("sha256", f.sha256());
            o.put("requires-python", f.requiresPython());
            o.put("size", f.size());
            o.put("upload-time", f.uploaded().toString());
            Optional<String> reason = storage.yankReason(f.project(), f.version());
            if (reason.isEmpty()) {
                o.put("yanked", false);
            } else if (reason.get().isEmpty()) {
                o.put("yanked", true);
            } else {
                o.put("yanked", reason.get());
            }
        }
        return json.writeValueAsBytes(root);
    }

    private byte[] pep503(String name, List<StoredFile> project) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" "
                + "content=\"1.1\"><title>Links for " + name + "</title></head><body><h1>Links for " + name
                + "</h1>\n");
        for (StoredFile f : project) {
            html.append("<a href=\"").append(shown.url(f)).append("#sha256=")
                    .append(f.sha256()).append('"');
            if (f.requiresPython() != null) {
                html.append(" data-requires-python=\"").append(f.requiresPython().replace("&", "&amp;")
                        .replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")).append('"');
            }
            html.append('>').append(f.filename()).append("</a><br/>\n");
        }
        return html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
