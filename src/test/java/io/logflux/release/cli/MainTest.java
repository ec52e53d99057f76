package io.logflux.release.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommandsAndExitStatuses() {
        Run run = run("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("verify-version").contains("Exit status: 0 success, 1 refused or failed, 2 usage");
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run run = run("verify-version", "--tag", "v1.0", "--frobnicate");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void versionNamesTheTool() {
        Run run = run("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("logflux-release ");
    }
}
