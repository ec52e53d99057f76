package io.logflux.release.rehearsal;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * warehouse's legacy upload API: reads the multipart form as it arrives, within {@link FormLimits}, then answers as
 * {@link UploadRules} decide. Temporary files are gone before the answer starts, whatever the answer.
 */
final class UploadEndpoint {
    private static final Logger LOG = Logger.getLogger(UploadEndpoint.class.getName());

    private final IndexStorage storage;
    private final UploadRules rules;

    UploadEndpoint(IndexStorage storage, UploadRules rules) {
        this.storage = storage;
        this.rules = rules;
    }

    void handle(IndexExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!FormReader.isForm(contentType)) {
            WarehouseReplies.refuse(exchange, 400, "Invalid request: the body must be multipart/form-data.");
            return;
        }
        FormLimits limits = rules.limits();
        String verdict;
        try (UploadedForm form = new FormReader(storage.incoming(), limits)
                .read(contentType, exchange.getRequestContentLength(), exchange.getRequestBody())) {
            if (!form.complete()) {
                exchange.abandonBody();
            }
            verdict = rules.decide(exchange.getRequestHeaders().getFirst("Authorization"), form.parts(),
                    limits.maxFileBytes(), form.complete());
        } catch (FormRefusal refusal) {
            exchange.abandonBody();
            WarehouseReplies.tooLarge(exchange, refusal.detail());
            return;
        } catch (IOException e) {
            // Left unanswered: the exchange's close closes the connection, as a server does for a broken body.
            LOG.log(Level.FINE, "upload body unreadable", e);
            return;
        }
        if (verdict == null) {
            WarehouseReplies.ok(exchange);
        } else {
            WarehouseReplies.refuse(exchange, Integer.parseInt(verdict.substring(0, 3)), verdict.substring(4));
        }
    }
}
