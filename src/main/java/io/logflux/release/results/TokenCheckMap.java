package io.logflux.release.results;

import io.logflux.release.tokens.TokenCheckReport;
import io.logflux.release.tokens.TokenFinding;

import java.util.ArrayList;
import java.util.LinkedHashMap;

/** A token check: the overall level, each finding, and the table and JSON report as text. */
public final class TokenCheckMap {
    private TokenCheckMap() {
    }

    public static LinkedHashMap<String, Object> of(TokenCheckReport report) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        result.put("overall", report.overall().name());
        ArrayList<Object> findings = new ArrayList<>();
        for (TokenFinding f : report.findings()) {
            LinkedHashMap<String, Object> finding = new LinkedHashMap<>();
            finding.put("token", f.subject());
            finding.put("check", f.check());
            finding.put("level", f.level().name());
            finding.put("message", f.message());
            findings.add(finding);
        }
        result.put("findings", findings);
        result.put("table", report.table());
        result.put("json", report.toJson());
        return result;
    }
}
