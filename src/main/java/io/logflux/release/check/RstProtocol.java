package io.logflux.release.check;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The framing spoken with {@code rst-renderer.py} over its stdin and stdout (described at the top of that script):
 * a greeting line, then one length-prefixed request per description, each answered by a verdict line with the length
 * of the docutils messages that follow. Every line and every reply is read within a bound, so a child that prints
 * without end, or announces more than it may send, is a {@link Violation}, never unbounded memory. The script is
 * given the same bound ({@code argv[2]}) and cuts longer messages itself, marking the reply {@code truncated}.
 */
final class RstProtocol {
    private static final int MAX_LINE = 128;
    private static final Pattern GREETING = Pattern.compile("logflux-rst 1 (\\S{1,64})");
    private static final Pattern UNAVAILABLE = Pattern.compile("logflux-rst-unavailable (\\S{1,64})");
    private static final Pattern REPLY = Pattern.compile("(rendered|failed|error|unchecked) (\\d{1,9})( truncated)?");

    private RstProtocol() {
    }

    /** The child answered outside the protocol. */
    static final class Violation extends IOException {
        Violation(String message) {
            super(message);
        }
    }

    /** The first line: readme_renderer's version, or why it is not there. */
    record Greeting(boolean available, String detail) {
    }

    /** UNCHECKED: the renderer ran out of the memory it is given (its messages say so), no verdict on the text. */
    enum Verdict { RENDERED, FAILED, ERROR, UNCHECKED }

    /** @param truncated the renderer had more messages than the bound and sent only the first lines */
    record Reply(Verdict verdict, String messages, boolean truncated) {
    }

    static Greeting readGreeting(InputStream in) throws IOException {
        String line = readLine(in);
        Matcher ready = GREETING.matcher(line);
        if (ready.matches()) {
            return new Greeting(true, ready.group(1));
        }
        Matcher unavailable = UNAVAILABLE.matcher(line);
        if (unavailable.matches()) {
            return new Greeting(false, unavailable.group(1));
        }
        throw new Violation("its first line was not the renderer's greeting: '" + printable(line) + "'");
    }

    static void writeRequest(OutputStream out, byte[] description) throws IOException {
        out.write((description.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(description);
        out.flush();
    }

    static Reply readReply(InputStream in, int maxMessageBytes) throws IOException {
        String line = readLine(in);
        Matcher m = REPLY.matcher(line);
        if (!m.matches()) {
            throw new Violation("it answered '" + printable(line) + "' instead of a verdict");
        }
        long size = Long.parseLong(m.group(2));
        if (size > maxMessageBytes) {
            throw new Violation("it announced " + size + " bytes of messages, more than the " + maxMessageBytes
                    + " allowed");
        }
        byte[] messages = in.readNBytes((int) size);
        if (messages.length < size) {
            throw new EOFException("its output ended in the middle of a reply");
        }
        return new Reply(Verdict.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)),
                new String(messages, StandardCharsets.UTF_8), m.group(3) != null);
    }

    /** One line without its newline, at most {@link #MAX_LINE} bytes. */
    private static String readLine(InputStream in) throws IOException {
        byte[] line = new byte[MAX_LINE];
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("its output ended");
            }
            if (b == '\n') {
                return new String(line, 0, length, StandardCharsets.UTF_8);
            }
            if (length == MAX_LINE) {
                throw new Violation("it printed a line longer than " + MAX_LINE + " bytes where the protocol has a "
                        + "short header: '" + printable(new String(line, 0, 40, StandardCharsets.UTF_8)) + "…'");
            }
            line[length++] = (byte) b;
        }
    }

    private static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
