package io.logflux.release.secret;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every secret of one run (one command line, one step call), and the redaction of everything that leaves the engine
 * through a front end: log lines, exception messages, result maps and the streams they are printed to. A server that
 * echoes the Authorization header back in an error body is the case this exists for: the engine's own messages never
 * hold a token, but a quoted response body can.
 *
 * <p>Created by the front end for one run and dropped with it (no static registry: one JVM runs many builds and
 * tests, and a secret must not outlive its run). Thread-safe: uploads log from several threads.
 */
public final class RunSecrets {
    private final List<Secret> secrets = new CopyOnWriteArrayList<>();

    /** Notes a secret of this run; an empty one is ignored. Returns it, for use in an expression. */
    public Secret add(Secret secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
        return secret;
    }

    /** Notes a raw value read for this run (a token variable's value), under the source messages name it by. */
    public void addValue(String value, String source) {
        if (value != null && !value.isBlank()) {
            add(Secret.orEmpty(value, source));
        }
    }

    /**
     * The text with every form of every secret of the run, and the user info of every URL in it, replaced by
     * {@value Secret#MASK}.
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        List<Secret> longestFirst = new ArrayList<>(secrets);
        // A secret that contains another must be replaced first, or a fragment of it would be left.
        longestFirst.sort(Comparator.comparingInt((Secret s) -> s.reveal().length()).reversed());
        String redacted = UserInfo.mask(text);
        for (Secret secret : longestFirst) {
            redacted = secret.redact(redacted);
        }
        return redacted;
    }

    /** A log that redacts each line before passing it on. */
    public Consumer<String> redacting(Consumer<String> log) {
        return line -> log.accept(redact(line));
    }

    /** A copy of a result map (plain values, maps, lists) with every string redacted. */
    public LinkedHashMap<String, Object> redact(Map<String, ?> result) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        result.forEach((key, value) -> copy.put(redact(key), redactValue(value)));
        return copy;
    }

    private Object redactValue(Object value) {
        if (value instanceof String text) {
            return redact(text);
        }
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(redact(String.valueOf(key)), redactValue(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(redactValue(item)));
            return copy;
        }
        return value;
    }

    /** The only way a front end prints: UTF-8, autoflush on println, every line redacted before it is written. */
    public PrintWriter printer(OutputStream out) {
        return new PrintWriter(new RedactingWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), this), true);
    }
}
