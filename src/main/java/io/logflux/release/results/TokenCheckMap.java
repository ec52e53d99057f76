package io.logflux.release.results;

import io.logflux.release.tokens.TokenCheckReport;

import java.util.LinkedHashMap;

/** A token check: the overall level, each finding, and the table and JSON report as text. */
public final class TokenCheckMap {
    private TokenCheckMap() {
    }

    public static LinkedHashMap<String, Object> of(TokenCheckReport report) {
        return new PlainMap()
                .put("overall", report.overall().name())
                .put("findings", PlainMap.each(report.findings(), f -> new PlainMap().put("token", f.subject())
                        .put("check", f.check()).put("level", f.level().name()).put("message", f.message())))
                .put("table", report.table())
                .put("json", report.toJson())
                .toMap();
    }
}
