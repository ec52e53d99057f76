package io.logflux.release.process;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment of every process this tool starts: an allow-list of the tool's own environment, never all of it.
 * The tool's environment holds tokens (TWINE_PASSWORD, PYPI_API_TOKEN, GITHUB_TOKEN, a CI's secrets), and a child
 * such as pip runs code from the index (build backends, setup.py) that could read them.
 *
 * <p>Passed: what finding programs, the locale, temporary files, the network (proxies, CA bundles) and Windows need.
 * Not passed: every {@code PIP_*} and {@code PYTHON*} variable (the install check sets its indexes and pip's options
 * itself; PIP_INDEX_URL or PYTHONPATH from the agent would change what is installed), and everything else.
 */
public final class ChildEnvironment {
    private static final Set<String> PASSED = Set.of(
            "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TEMP", "TMP",
            // the network: proxies as the agent has them (pip reads both cases), and the agent's CA bundle
            "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE",
            "PIP_CERT",
            // Windows cannot start Python without these
            "SYSTEMROOT", "SYSTEMDRIVE", "COMSPEC", "PATHEXT", "WINDIR", "USERPROFILE", "APPDATA", "LOCALAPPDATA");

    private final Map<String, String> parent;

    private ChildEnvironment(Map<String, String> parent) {
        this.parent = Map.copyOf(parent);
    }

    /** Built from this JVM's environment. */
    public static ChildEnvironment ofThisProcess() {
        return new ChildEnvironment(System.getenv());
    }

    /** Built from the given environment (tests pass one with canary tokens in it). */
    public static ChildEnvironment of(Map<String, String> parent) {
        return new ChildEnvironment(parent);
    }

    /** Whether a variable of the tool's environment reaches children. */
    public static boolean passes(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return PASSED.contains(upper) || upper.startsWith("LC_");
    }

    /** The allowed part of the parent environment, then {@code settings} (which win). */
    public Map<String, String> with(Map<String, String> settings) {
        Map<String, String> environment = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (passes(name)) {
                environment.put(name, value);
            }
        });
        environment.putAll(settings);
        return environment;
    }

    /** Replaces the builder's environment (a copy of the JVM's) by this one plus {@code settings}. */
    public ProcessBuilder applyTo(ProcessBuilder builder, Map<String, String> settings) {
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(with(settings));
        return builder;
    }

    /** The same, with nothing added. */
    public ProcessBuilder applyTo(ProcessBuilder builder) {
        return applyTo(builder, Map.of());
    }
}
