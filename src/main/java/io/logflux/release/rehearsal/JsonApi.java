package io.logflux.release.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * PyPI's JSON API (pypi-protocol.md §4): {@code /pypi/<project>/json} and {@code /pypi/<project>/<version>/json}, with
 * each file's digests and the yank fields.
 */
final class JsonApi {
    private final ObjectMapper json = new ObjectMapper();
    private final ShownFiles shown;
    private final IndexStorage storage;

    JsonApi(ShownFiles shown) {
        this.shown = shown;
        this.storage = shown.storage();
    }

    void handle(IndexExchange exchange, String path) throws IOException {
        String[] segments = path.substring("/pypi/".length()).split("/");
        boolean release = segments.length == 3 && segments[2].equals("json");
        if (!(release || segments.length == 2 && segments[1].equals("json"))) {
            WarehouseReplies.jsonError(exchange, 404, "Not Found");
            return;
        }
        String name = URLDecoder.decode(segments[0], StandardCharsets.UTF_8);
        String version = release ? URLDecoder.decode(segments[1], StandardCharsets.UTF_8) : null;
        if (!name.equals(IndexStorage.normalize(name))) {
            WarehouseReplies.redirect(exchange, 301, "/pypi/" + IndexStorage.normalize(name) + "/"
                    + (release ? version + "/" : "") + "json");
            return;
        }
        List<StoredFile> files = shown.of(name, version);
        if (files.isEmpty()) {
            WarehouseReplies.jsonError(exchange, 404, "Not Found");
            return;
        }
        ObjectNode root = json.createObjectNode();
        ObjectNode info = root.putObject("info");
        info.put("name", name);
        String current = version != null ? version : files.get(files.size() - 1).version();
        info.put("version", current);
        putYank(info, storage.yankReason(name, current));
        if (release) {
            ArrayNode urls = root.putArray("urls");
            files.forEach(f -> fileJson(urls.addObject(), f));
        } else {
            ObjectNode releases = root.putObject("releases");
            for (StoredFile f : files) {
                ArrayNode versionFiles = releases.has(f.version()) ? (ArrayNode) releases.get(f.version())
                        : releases.putArray(f.version());
                fileJson(versionFiles.addObject(), f);
            }
        }
        long serial = storage.serial();
        root.put("last_serial", serial);
        exchange.getResponseHeaders().set("X-PyPI-Last-Serial", Long.toString(serial));
        WarehouseReplies.respond(exchange, 200, "application/json", json.writeValueAsBytes(root));
    }

    private void fileJson(ObjectNode u, StoredFile f) {
        u.put("filename", f.filename());
        u.put("packagetype", f.packagetype());
        ObjectNode d = u.putObject("digests");
        d.put("md5", f.md5());
        d.put("sha256", f.sha256());
        d.put("blake2b_256", f.blake2b256());
        u.put("size", f.size());
        u.put("upload_time_iso_8601", f.uploaded().toString());
        u.put("url", shown.url(f));
        putYank(u, storage.yankReason(f.project(), f.version()));
        u.put("requires_python", f.requiresPython());
    }

    private static void putYank(ObjectNode node, Optional<String> reason) {
        node.put("yanked", reason.isPresent());
        if (reason.filter(r -> !r.isEmpty()).isPresent()) {
            node.put("yanked_reason", reason.get());
        } else {
            node.putNull("yanked_reason");
        }
    }
}
