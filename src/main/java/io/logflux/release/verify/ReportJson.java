package io.logflux.release.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflux.release.version.Pep440Version;

/** Renders a {@link VerifyVersionReport} as JSON for scripts and archived build reports. */
final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static String render(VerifyVersionReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ok", report.ok());
        root.put("tag", report.tag().raw());
        root.put("version", report.normalizedVersion());
        report.projectName().ifPresentOrElse(n -> root.put("project", n), () -> root.putNull("project"));
        root.put("message", report.headline());
        ArrayNode sources = root.putArray("sources");
        for (SourceCheck check : report.checks()) {
            ObjectNode source = sources.addObject();
            source.put("kind", check.source().kind().name().toLowerCase(java.util.Locale.ROOT));
            source.put("file", check.shownFile());
            source.put("location", check.source().location());
            source.put("stated", check.source().versionText());
            check.parsed().map(Pep440Version::normalized)
                    .ifPresentOrElse(v -> source.put("normalized", v), () -> source.putNull("normalized"));
            source.put("status", check.status().name().toLowerCase(java.util.Locale.ROOT));
            check.invalidWhy().ifPresent(why -> source.put("invalid", why));
        }
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        ArrayNode problems = root.putArray("problems");
        report.nameProblems().forEach(problems::add);
        ArrayNode advice = root.putArray("advice");
        ReportText.advice(report).forEach(advice::add);
        root.put("text", report.text());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree", e);
        }
    }
}
