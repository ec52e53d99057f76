package io.logflux.release.pipeline;

import io.logflux.release.ReleaseException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The seed's three phases. */
public enum Phase {
    VALIDATE("validate", "Validation"), TEST("test", "Test publication"), PRODUCTION("production", "Production");

    private final String id;
    private final String title;

    Phase(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** {@code all}, or one phase by name. */
    public static Set<Phase> parse(String text) {
        String value = text == null ? "all" : text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("all")) {
            return EnumSet.allOf(Phase.class);
        }
        for (Phase phase : values()) {
            if (phase.id.equals(value)) {
                return EnumSet.of(phase);
            }
        }
        throw new ReleaseException("Unknown phase '" + text + "': use validate, test, production or all.");
    }
}
