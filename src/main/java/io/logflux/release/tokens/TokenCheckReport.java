package io.logflux.release.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The findings of a token check, as a table for the log and JSON for a report file. */
public record TokenCheckReport(List<TokenFinding> findings) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public TokenCheckReport {
        findings = List.copyOf(findings);
    }

    public Level overall() {
        Level worst = Level.OK;
        for (TokenFinding f : findings) {
            worst = worst.worst(f.level());
        }
        return worst;
    }

    public String table() {
        int subject = "token".length();
        int check = "check".length();
        for (TokenFinding f : findings) {
            subject = Math.max(subject, f.subject().length());
            check = Math.max(check, f.check().length());
        }
        String format = "%-" + subject + "s  %-" + check + "s  %-4s  %s%n";
        StringBuilder out = new StringBuilder(String.format(format, "token", "check", "", "finding"));
        for (TokenFinding f : findings) {
            out.append(String.format(format, f.subject(), f.check(), f.level(), f.message()));
        }
        long warnings = findings.stream().filter(f -> f.level() == Level.WARN).count();
        long failures = findings.stream().filter(f -> f.level() == Level.FAIL).count();
        out.append("Token check: ").append(overall()).append(" (").append(failures).append(" failed, ")
                .append(warnings).append(" warnings)").append(System.lineSeparator());
        return out.toString();
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("overall", overall().name());
        ArrayNode list = root.putArray("findings");
        for (TokenFinding f : findings) {
            list.addObject().put("token", f.subject()).put("check", f.check()).put("level", f.level().name())
                    .put("message", f.message());
        }
        return root.toPrettyString();
    }
}
