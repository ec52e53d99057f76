package io.logflux.release.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** An Error (not an exception) that escapes a command ends in one line and exit status 4, never a stack trace. */
class InternalErrorTest {
    private static String[] run(Error thrown, int[] status) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        status[0] = Main.run(new String[] {"verify-version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> {
                    throw thrown;
                });
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aStackOverflowIsOneLineWithItsOwnStatus() {
        int[] status = new int[1];
        String[] streams = run(new StackOverflowError(), status);

        assertThat(status[0]).isEqualTo(Main.EXIT_INTERNAL).isEqualTo(4);
        assertThat(streams[1]).startsWith("internal error: the JVM ran out of stack in logflux-release verify-version")
                .contains("java.lang.StackOverflowError").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(streams[1].strip().lines()).hasSize(1);
    }

    @Test
    void anOutOfMemoryErrorSaysSo() {
        int[] status = new int[1];
        String[] streams = run(new OutOfMemoryError("Java heap space"), status);

        assertThat(status[0]).isEqualTo(4);
        assertThat(streams[1]).contains("the JVM ran out of memory")
                .contains("java.lang.OutOfMemoryError: Java heap space").doesNotContain("\tat ");
    }

    @Test
    void theHelpListsTheInternalErrorStatus() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("4 internal error");
    }
}
