package io.logflux.release;

/**
 * One line for an {@link Error} (OutOfMemoryError, StackOverflowError, …) that escaped the engine: what gave out,
 * never a stack trace (that of a StackOverflowError alone is thousands of lines). The command line and the Jenkins
 * steps print it instead of the JVM's report.
 */
public final class EngineError {
    private EngineError() {
    }

    /** E.g. "internal error: the JVM ran out of memory in logflux-release check (java.lang.OutOfMemoryError: …). …" */
    public static String describe(Error e, String command) {
        String what = e instanceof OutOfMemoryError ? "the JVM ran out of memory"
                : e instanceof StackOverflowError ? "the JVM ran out of stack" : "the JVM stopped the command";
        String detail = e.getMessage() == null ? e.getClass().getName()
                : e.getClass().getName() + ": " + e.getMessage().lines().findFirst().orElse("");
        return "internal error: " + what + " in " + command + " (" + detail + "). This is a bug in logflux-release: "
                + "its limits should have refused the input first; please report it with the command and the files.";
    }
}
