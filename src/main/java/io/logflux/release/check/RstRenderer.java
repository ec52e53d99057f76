package io.logflux.release.check;

import io.logflux.release.process.ChildEnvironment;
import io.logflux.release.process.ChildSession;
import io.logflux.release.units.ByteSizes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders reStructuredText with readme_renderer — the renderer PyPI itself uses, where any docutils warning makes
 * the upload fail — in one local Python process for all the descriptions of a run: started when the first
 * description comes, kept for the next ones, ended by {@link #close()}. Without such a Python, it says so: the
 * description is then reported as not checked, never as passing.
 *
 * <p>Bounded: a description larger than {@link Limits#maxDescriptionBytes()} is not sent; a reply larger than
 * {@link Limits#maxReplyBytes()}, or outside the protocol, stops the process; a description that takes longer than
 * {@link Limits#renderTimeout()} stops it too; such a description is unchecked (the finding says why) and the next
 * one starts a new process, up to {@link Limits#maxStarts()} per run. A process that ends while rendering a
 * description may have died of something else (killed, out of memory), so that description is sent once more to a
 * new process before it is reported. Only verdicts that belong to the description are kept for the rest of the
 * run; "not checked because no process could be started" is not one.
 */
public final class RstRenderer implements AutoCloseable {
    /** Descriptions sent ahead of their verdicts; Python renders while Java reads the next files. */
    private static final int MAX_IN_FLIGHT = 8;
    private static final Pattern DOCUTILS_MESSAGE = Pattern.compile("^<string>:(\\d+): \\((\\w+)/\\d\\) (.*)$");

    /** The outcome: rendered, failed with docutils' messages, or not checked (and why). */
    public record Result(boolean checked, List<String> problems, String notCheckedBecause) {
        static Result rendered() {
            return new Result(true, List.of(), "");
        }

        static Result notChecked(String because) {
            return new Result(false, List.of(), because);
        }
    }

    /**
     * @param maxDescriptionBytes the largest description sent to the renderer (METADATA itself is bounded by
     *                            {@code ArchiveLimits.maxMetadataBytes}, 8 MiB by default)
     * @param maxReplyBytes       the most bytes of docutils messages read back for one description; the script is
     *                            given the same bound and cuts longer ones at a line, which the result says
     * @param startTimeout        how long Python may take to start and import readme_renderer
     * @param renderTimeout       how long one description may take to render
     * @param maxStarts           how many renderer processes one run may have (a crash on one description starts a
     *                            new one)
     * @param maxMemoryBytes      the address space the renderer process may have (RLIMIT_AS where the platform has
     *                            it): docutils on a hostile description must not take the machine's memory
     */
    public record Limits(int maxDescriptionBytes, int maxReplyBytes, Duration startTimeout, Duration renderTimeout,
                         int maxStarts, long maxMemoryBytes) {
        public static Limits defaults() {
            return new Limits(8 << 20, 64 << 10, Duration.ofMinutes(1), Duration.ofMinutes(2), 3, 2L << 30);
        }
    }

    private final List<String> interpreters;
    private final Limits limits;
    private final ChildEnvironment environment;
    /** Interpreters found unusable in this run, with why; a later start skips them. */
    private final Map<String, String> unusable = new LinkedHashMap<>();
    /** Verdicts of this run, by the SHA-256 of the description. */
    private final Map<String, Result> verdicts = new HashMap<>();
    /** Descriptions sent whose verdict is not handed out yet, oldest first. */
    private final Deque<Pending> pending = new ArrayDeque<>();
    private ChildSession session;
    private String python;
    /** Processes started, and of those the ones that greeted as the renderer (bounded by maxStarts). */
    private int starts;
    private int sessions;
    private String lastEnding = "";

    /** @param interpreters Python executables to try, in order; the first that has readme_renderer is used */
    public RstRenderer(List<String> interpreters) {
        this(interpreters, Limits.defaults(), ChildEnvironment.ofThisProcess());
    }

    RstRenderer(List<String> interpreters, Limits limits, ChildEnvironment environment) {
        this.interpreters = List.copyOf(interpreters);
        this.limits = limits;
        this.environment = environment;
    }

    /** Renders one description and waits for its verdict. */
    public synchronized Result render(String rst) {
        List<Result> verdict = new ArrayList<>(1);
        render(rst, verdict::add);
        finish();
        return verdict.get(0);
    }

    /**
     * Sends one description to the renderer and returns at once, so that Python renders it while the caller reads
     * the next file. {@code onResult} gets the verdict, in the caller's thread, during a later call to this class
     * (at the latest {@link #finish()}). A description seen before in this run gets the verdict it got then (a
     * release's wheel and sdist carry the same one).
     */
    public synchronized void render(String rst, Consumer<Result> onResult) {
        byte[] description = rst.getBytes(StandardCharsets.UTF_8);
        if (description.length > limits.maxDescriptionBytes()) {
            onResult.accept(Result.notChecked("it is " + ByteSizes.human(description.length) + ", more than the "
                    + ByteSizes.human(limits.maxDescriptionBytes()) + " check renders"));
            return;
        }
        String key = sha256(description);
        Result known = verdicts.get(key);
        if (known != null) {
            onResult.accept(known);
            return;
        }
        for (Pending queued : pending) {
            if (queued.key.equals(key)) {
                queued.waiting.add(onResult);
                return;
            }
        }
        while (pending.size() >= MAX_IN_FLIGHT) {
            deliverOldest();
        }
        Pending sent = new Pending(key, description);
        sent.waiting.add(onResult);
        send(sent);
    }

    /** Waits for every description sent and hands out their verdicts. */
    public synchronized void finish() {
        while (!pending.isEmpty()) {
            deliverOldest();
        }
    }

    /**
     * Ends the run: its process, if one was started, and what the run learnt (verdicts not yet handed out by
     * {@link #finish()} are dropped). A later {@link #render} starts a new run, with a new process.
     */
    @Override
    public synchronized void close() {
        pending.clear();
        if (session != null) {
            session.close();
            session = null;
        }
        verdicts.clear();
        unusable.clear();
        python = null;
        sessions = 0;
        lastEnding = "";
    }

    /** How many Python processes this renderer started (tests count them). */
    synchronized int processesStarted() {
        return starts;
    }

    /** The running process's id, if any (tests end it to see a crash reported). */
    synchronized long pid() {
        return session == null ? -1 : session.pid();
    }

    private void send(Pending description) {
        if (Thread.currentThread().isInterrupted()) {
            deliver(description, Result.notChecked("interrupted"), false);
            return;
        }
        if (session == null) {
            String why = startSession();
            if (session == null) {
                deliver(description, Result.notChecked(why), false);
                return;
            }
        }
        description.session = session;
        description.reply = session.submit((toChild, fromChild) -> {
            RstProtocol.writeRequest(toChild, description.bytes);
            return RstProtocol.readReply(fromChild, limits.maxReplyBytes());
        }, limits.renderTimeout());
        pending.addLast(description);
    }

    private void deliverOldest() {
        Pending oldest = pending.removeFirst();
        Result result;
        try {
            result = verdict(ChildSession.outcome(oldest.reply, limits.renderTimeout()));
        } catch (ChildSession.Broken e) {
            // not this description's doing: the process had already failed on an earlier one
            if (session == oldest.session) {
                endSession(oldest.session, "stopped at the end of an earlier description");
            }
            send(oldest);
            return;
        } catch (TimeoutException e) {
            endSession(oldest.session, "it took longer than " + describe(limits.renderTimeout()) + " and was stopped");
            result = Result.notChecked("readme_renderer did not finish rendering it within "
                    + describe(limits.renderTimeout()) + " (" + python + " was stopped; the next description "
                    + "starts a new one)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endSession(oldest.session, "interrupted");
            result = Result.notChecked("interrupted");
        } catch (RstProtocol.Violation e) {
            oldest.session.stop();
            endSession(oldest.session, "it answered outside the protocol: " + e.getMessage());
            result = Result.notChecked("readme_renderer's process (" + python + ") answered outside the protocol: "
                    + e.getMessage() + "; it was stopped");
        } catch (IOException e) {
            String ending = endSession(oldest.session, null);
            if (!oldest.resent) {
                oldest.resent = true;
                send(oldest);
                return;
            }
            result = Result.notChecked("readme_renderer's process (" + python + ") ended before it answered for "
                    + "this description, and so did a new one it was sent to again (" + ending + "); see where it "
                    + "fails with " + python + " -m readme_renderer README.rst");
        }
        deliver(oldest, result, true);
    }

    /** @param remember whether the result is the description's own, and so holds for the rest of the run */
    private void deliver(Pending description, Result result, boolean remember) {
        if (remember) {
            verdicts.put(description.key, result);
        }
        description.waiting.forEach(waiting -> waiting.accept(result));
    }

    private Result verdict(RstProtocol.Reply reply) {
        return switch (reply.verdict()) {
            case RENDERED -> Result.rendered();
            case FAILED -> new Result(true, docutilsMessages(reply), "");
            case ERROR -> new Result(true, List.of("readme_renderer raised " + oneLine(reply.messages())
                    + " (PyPI's upload fails on it too)"), "");
            case UNCHECKED -> Result.notChecked(oneLine(reply.messages()));
        };
    }

    /** Starts the process: on success sets {@link #session}, else returns why none could be started. */
    private String startSession() {
        if (sessions >= limits.maxStarts()) {
            return "readme_renderer's process ended " + sessions + " times in this run, so it is not started "
                    + "again (last: " + lastEnding + "); run check again, and if it ends again, see where it fails "
                    + "with " + python + " -m readme_renderer README.rst";
        }
        for (String candidate : python == null ? interpreters : List.of(python)) {
            if (unusable.containsKey(candidate)) {
                continue;
            }
            String why = tryStart(candidate);
            if (session != null) {
                python = candidate;
                return "";
            }
            unusable.put(candidate, why);
        }
        if (python != null) {
            // it rendered earlier in this run: "no Python with readme_renderer" would send the user looking for one
            return "readme_renderer's process (" + python + ") ended (" + lastEnding + ") and could not be started "
                    + "again: " + unusable.get(python) + "; run check again, and if it fails again, check that "
                    + python + " -c 'import readme_renderer.rst' works";
        }
        List<String> tried = new ArrayList<>();
        unusable.forEach((candidate, why) -> tried.add(candidate + ": " + why));
        return "no Python with readme_renderer was found (tried " + String.join("; ", tried)
                + "; install python3-readme-renderer, or pass --python)";
    }

    private String tryStart(String candidate) {
        ChildSession started;
        try {
            List<String> command = List.of(candidate, "-c", script(), Integer.toString(limits.maxDescriptionBytes()),
                    Integer.toString(limits.maxReplyBytes()), Long.toString(limits.maxMemoryBytes()));
            started = ChildSession.start(command, environment, Map.of(), "logflux-rst-renderer");
        } catch (IOException e) {
            return "cannot be run (" + e.getMessage() + ")";
        }
        starts++;
        try {
            RstProtocol.Greeting greeting = started.exchange((toChild, fromChild) -> RstProtocol.readGreeting(
                    fromChild), limits.startTimeout());
            if (greeting.available()) {
                session = started;
                sessions++;
                return "";
            }
            started.close();
            if (greeting.detail().equals("MemoryError")) {
                return "ran out of memory importing readme_renderer (the renderer is given "
                        + ByteSizes.human(limits.maxMemoryBytes()) + " of address space)";
            }
            return "no readme_renderer (" + greeting.detail() + ")";
        } catch (TimeoutException e) {
            started.close(Duration.ZERO);
            return "did not start within " + describe(limits.startTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.close(Duration.ZERO);
            return "interrupted";
        } catch (RstProtocol.Violation e) {
            started.close(Duration.ZERO);
            return "not the renderer: " + e.getMessage();
        } catch (IOException e) {
            try {
                return "ended at start (" + started.ending(Duration.ofSeconds(5)) + ")";
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return "interrupted";
            } finally {
                started.close(Duration.ZERO);
            }
        }
    }

    /** Drops a session after a failure; returns (and keeps, for later messages) how its process ended. */
    private String endSession(ChildSession failed, String known) {
        String ending = known;
        if (ending == null) {
            try {
                ending = failed.ending(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ending = "interrupted";
            }
        }
        failed.close(Duration.ZERO);
        if (session == failed) {
            session = null;
        }
        lastEnding = ending;
        return ending;
    }

    /** Rewrites docutils' messages as twine does: {@code line 4: Warning: Inline emphasis …}. */
    private List<String> docutilsMessages(RstProtocol.Reply reply) {
        List<String> problems = new ArrayList<>();
        for (String line : reply.messages().split("\\r?\\n")) {
            Matcher m = DOCUTILS_MESSAGE.matcher(line.strip());
            if (m.matches()) {
                String level = m.group(2).charAt(0) + m.group(2).substring(1).toLowerCase(Locale.ROOT);
                problems.add("line " + m.group(1) + ": " + level + ": " + m.group(3));
            }
        }
        if (problems.isEmpty()) {
            problems.add("readme_renderer could not render it (no HTML output)");
        }
        if (reply.truncated()) {
            problems.add("and more: readme_renderer's messages were longer than the "
                    + ByteSizes.human(limits.maxReplyBytes()) + " check reads, and were cut after these");
        }
        return problems;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A description sent to a process, and who waits for its verdict. */
    private static final class Pending {
        final String key;
        final byte[] bytes;
        final List<Consumer<Result>> waiting = new ArrayList<>(1);
        ChildSession session;
        Future<RstProtocol.Reply> reply;
        /** Sent again after its process ended while rendering it (once only). */
        boolean resent;

        Pending(String key, byte[] bytes) {
            this.key = key;
            this.bytes = bytes;
        }
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + " ms";
        }
        return seconds % 60 == 0 ? seconds / 60 + (seconds == 60 ? " minute" : " minutes") : seconds + " s";
    }

    private static String script() {
        try (InputStream in = RstRenderer.class.getResourceAsStream("rst-renderer.py")) {
            if (in == null) {
                throw new IllegalStateException("rst-renderer.py is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
