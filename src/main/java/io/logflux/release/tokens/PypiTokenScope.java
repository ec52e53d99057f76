package io.logflux.release.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a PyPI token's caveats restrict (warehouse's caveats, pypi-protocol.md §6): the list forms
 * {@code [0, expires, not_before]}, {@code [1, [project names]]}, {@code [2, [project ids]]}, {@code [3, user id]},
 * {@code [4, publisher …]}, and the legacy JSON objects older tokens carry ({@code {"version":1,"permissions":"user"}},
 * {@code {"version":1,"permissions":{"projects":[…]}}}, {@code {"exp":…,"nbf":…}}, {@code {"project_ids":[…]}}).
 */
public record PypiTokenScope(Set<String> projectNames, Set<String> projectIds, Optional<String> user,
                             Optional<Instant> expires, Optional<Instant> notBefore, Optional<String> trustedPublisher,
                             List<String> unreadable) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static PypiTokenScope of(PypiMacaroon macaroon) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        String user = null;
        Instant expires = null;
        Instant notBefore = null;
        String publisher = null;
        boolean userWide = false;
        List<String> unreadable = new ArrayList<>();
        for (String caveat : macaroon.caveats()) {
            JsonNode node;
            try {
                node = JSON.readTree(caveat);
            } catch (Exception e) {
                unreadable.add(caveat);
                continue;
            }
            if (node.isArray() && node.size() > 0 && node.get(0).isInt()) {
                switch (node.get(0).asInt()) {
                    case 0 -> {
                        expires = Instant.ofEpochSecond(node.path(1).asLong());
                        notBefore = Instant.ofEpochSecond(node.path(2).asLong());
                    }
                    case 1 -> node.path(1).forEach(n -> names.add(n.asText()));
                    case 2 -> node.path(1).forEach(n -> ids.add(n.asText()));
                    case 3 -> user = node.path(1).asText();
                    case 4 -> publisher = node.path(1).asText();
                    default -> unreadable.add(caveat);
                }
            } else if (node.isObject() && node.has("permissions")) {
                JsonNode permissions = node.get("permissions");
                if (permissions.isTextual() && permissions.asText().equals("user")) {
                    userWide = true;
                } else {
                    permissions.path("projects").forEach(n -> names.add(n.asText()));
                }
            } else if (node.isObject() && (node.has("exp") || node.has("nbf"))) {
                expires = node.has("exp") ? Instant.ofEpochSecond(node.get("exp").asLong()) : expires;
                notBefore = node.has("nbf") ? Instant.ofEpochSecond(node.get("nbf").asLong()) : notBefore;
            } else if (node.isObject() && node.has("project_ids")) {
                node.get("project_ids").forEach(n -> ids.add(n.asText()));
            } else {
                unreadable.add(caveat);
            }
        }
        if (userWide && user == null) {
            user = "(the token's owner)";
        }
        return new PypiTokenScope(Set.copyOf(names), Set.copyOf(ids), Optional.ofNullable(user),
                Optional.ofNullable(expires), Optional.ofNullable(notBefore), Optional.ofNullable(publisher),
                List.copyOf(unreadable));
    }

    /** Valid for every project of its user: what the seed's "use scoped tokens" warns about. */
    public boolean accountWide() {
        return projectNames.isEmpty() && projectIds.isEmpty() && trustedPublisher.isEmpty();
    }
}
