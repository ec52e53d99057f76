package io.logflux.release.rehearsal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** warehouse's legacy upload API: reads the multipart form as it arrives, then answers as {@link UploadRules} decide. */
final class UploadEndpoint {
    private static final Logger LOG = Logger.getLogger(UploadEndpoint.class.getName());

    private final IndexStorage storage;
    private final UploadRules rules;

    UploadEndpoint(IndexStorage storage, UploadRules rules) {
        this.storage = storage;
        this.rules = rules;
    }

    void handle(IndexExchange exchange) throws IOException {
        String boundary = MultipartReader.boundaryOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (boundary == null) {
            WarehouseReplies.refuse(exchange, 400, "Invalid request: the body must be multipart/form-data.");
            return;
        }
        List<MultipartReader.Part> parts;
        try {
            parts = new MultipartReader(exchange.getRequestBody(), boundary, storage.incoming()).readAll();
        } catch (IOException e) {
            // Left unanswered: the exchange's close closes the connection, as a server does for a broken body.
            LOG.log(Level.FINE, "upload body unreadable", e);
            return;
        }
        try {
            String refusal = rules.decide(exchange.getRequestHeaders().getFirst("Authorization"), parts);
            if (refusal == null) {
                WarehouseReplies.ok(exchange);
            } else {
                WarehouseReplies.refuse(exchange, Integer.parseInt(refusal.substring(0, 3)), refusal.substring(4));
            }
        } finally {
            for (MultipartReader.Part part : parts) {
                if (part.file() != null) {
                    Files.deleteIfExists(part.file());
                }
            }
        }
    }
}
