package io.logflux.release.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.logflux.release.version.Pep440Version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;

/** A {@link VerifyVersionReport} as a plain map, rendered as JSON for scripts and archived build reports. */
final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static LinkedHashMap<String, Object> map(VerifyVersionReport report) {
        LinkedHashMap<String, Object> root = new LinkedHashMap<>();
        root.put("ok", report.ok());
        root.put("tag", report.tag().raw());
        root.put("version", report.normalizedVersion());
        root.put("project", report.projectName().orElse(null));
        root.put("message", report.headline());
        ArrayList<Object> sources = new ArrayList<>();
        for (SourceCheck check : report.checks()) {
            LinkedHashMap<String, Object> source = new LinkedHashMap<>();
            source.put("kind", check.source().kind().name().toLowerCase(Locale.ROOT));
            source.put("file", check.shownFile());
            source.put("location", check.source().location());
            source.put("stated", check.source().versionText());
            source.put("normalized", check.parsed().map(Pep440Version::normalized).orElse(null));
            source.put("status", check.status().name().toLowerCase(Locale.ROOT));
            check.invalidWhy().ifPresent(why -> source.put("invalid", why));
            sources.add(source);
        }
        root.put("sources", sources);
        root.put("notes", new ArrayList<Object>(report.notes()));
        root.put("problems", new ArrayList<Object>(report.nameProblems()));
        root.put("advice", new ArrayList<Object>(ReportText.advice(report)));
        root.put("text", report.text());
        return root;
    }

    static String render(VerifyVersionReport report) {
        try {
            return JSON.writeValueAsString(map(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values always renders", e);
        }
    }
}
