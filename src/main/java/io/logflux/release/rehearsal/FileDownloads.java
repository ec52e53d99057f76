package io.logflux.release.rehearsal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/** The stored files' bytes, under {@code /packages/<filename>} (the URLs the listings give). */
final class FileDownloads {
    private final IndexStorage storage;

    FileDownloads(IndexStorage storage) {
        this.storage = storage;
    }

    void handle(IndexExchange exchange, String path) throws IOException {
        String filename = URLDecoder.decode(path.substring("/packages/".length()), StandardCharsets.UTF_8);
        Optional<StoredFile> found = storage.file(filename);
        if (found.isEmpty()) {
            WarehouseReplies.respond(exchange, 404, "text/plain", "404 Not Found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, null, found.get().size());
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(found.get().path(), out);
        }
    }
}
