package io.logflux.release.process;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChildEnvironmentTest {
    @Test
    void passesOnlyTheAllowListAndAddsTheSettings() {
        Map<String, String> parent = Map.ofEntries(Map.entry("PATH", "/usr/bin"), Map.entry("HOME", "/home/ci"),
                Map.entry("LC_ALL", "C.UTF-8"), Map.entry("https_proxy", "http://proxy:3128"),
                Map.entry("REQUESTS_CA_BUNDLE", "/etc/ca.pem"), Map.entry("TWINE_PASSWORD", "canary-1"),
                Map.entry("PYPI_API_TOKEN", "canary-2"), Map.entry("GITHUB_TOKEN", "canary-3"),
                Map.entry("PIP_INDEX_URL", "https://evil.example/simple/"), Map.entry("PYTHONPATH", "/tmp/evil"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "canary-4"));

        Map<String, String> child = ChildEnvironment.of(parent).with(Map.of("PIP_NO_INPUT", "1"));

        assertThat(child).containsOnlyKeys("PATH", "HOME", "LC_ALL", "https_proxy", "REQUESTS_CA_BUNDLE",
                "PIP_NO_INPUT");
        assertThat(child.values()).noneMatch(v -> v.startsWith("canary"));
    }

    /** pip --python runs pip again under the venv's interpreter unless these say otherwise: they never come through. */
    @Test
    void nothingOfTheAgentCanRedirectPipsPythonOption() {
        Map<String, String> parent = Map.of("PATH", "/usr/bin", "_PIP_RUNNING_IN_SUBPROCESS", "1",
                "PIP_PYTHON", "/usr/bin/python3", "PYTHONHOME", "/opt/other", "PYTHONEXECUTABLE", "/usr/bin/python3",
                "VIRTUAL_ENV", "/opt/other-venv", "__PYVENV_LAUNCHER__", "/usr/bin/python3");

        assertThat(ChildEnvironment.of(parent).with(Map.of())).containsOnlyKeys("PATH");
    }

    @Test
    void replacesTheBuildersInheritedEnvironment() {
        ProcessBuilder builder = new ProcessBuilder("true");
        builder.environment().put("TWINE_PASSWORD", "canary");

        ChildEnvironment.of(Map.of("PATH", "/bin")).applyTo(builder);

        assertThat(builder.environment()).containsExactly(Map.entry("PATH", "/bin"));
    }
}
