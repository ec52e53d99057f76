package io.logflux.release.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflux.release.publish.AwaitReport;
import io.logflux.release.publish.PublicationResult;
import io.logflux.release.publish.PublishReport;
import io.logflux.release.publish.PublishedFile;
import io.logflux.release.publish.ServedFile;

/** The --json output of publish and await. */
final class ResultJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {
    }

    static String publish(PublicationResult result) {
        PublishReport report = result.published();
        ObjectNode root = JSON.createObjectNode();
        root.put("index", report.index());
        root.put("uploadUrl", report.uploadUrl());
        root.put("project", report.project());
        root.put("version", report.version());
        ArrayNode files = root.putArray("files");
        for (PublishedFile f : report.files()) {
            ObjectNode node = files.addObject();
            node.put("file", f.fileName());
            node.put("sha256", f.sha256());
            node.put("size", f.size());
            node.put("outcome", f.outcome().name().toLowerCase(java.util.Locale.ROOT));
            node.put("attempts", f.attempts());
            node.put("url", result.urlOf(f.fileName()).orElse(null));
        }
        root.put("served", result.served().isPresent());
        result.installed().ifPresent(i -> root.put("installCheck", i.requirement() + " imports as "
                + i.importedVersion()));
        return root.toString();
    }

    static String await(AwaitReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("waitedSeconds", report.waited().toSeconds());
        root.put("checks", report.checks());
        ArrayNode files = root.putArray("files");
        for (ServedFile f : report.files()) {
            files.addObject().put("file", f.fileName()).put("sha256", f.sha256()).put("url", f.url());
        }
        return root.toString();
    }
}
