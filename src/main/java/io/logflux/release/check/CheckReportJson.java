package io.logflux.release.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/** Renders a {@link CheckReport} as JSON for scripts and archived build reports. */
final class CheckReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckReportJson() {
    }

    static String render(CheckReport report, boolean strict) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ok", report.passed(strict));
        root.put("strict", strict);
        ArrayNode files = root.putArray("files");
        for (FileReport file : report.files()) {
            ObjectNode node = files.addObject();
            node.put("file", file.file().toString());
            node.put("status", file.status(strict).name().toLowerCase(Locale.ROOT));
            findings(node.putArray("findings"), file.findings());
        }
        findings(root.putArray("batch"), report.batch());
        ArrayNode order = root.putArray("uploadOrder");
        report.uploadOrder().forEach(p -> order.add(p.toString()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree", e);
        }
    }

    private static void findings(ArrayNode array, List<Finding> findings) {
        for (Finding finding : findings) {
            ObjectNode node = array.addObject();
            node.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
            node.put("rule", finding.rule());
            node.put("message", finding.message());
            node.put("pypiRefuses", finding.pypiRefuses());
        }
    }
}
