package io.logflux.release.secret;

import java.io.IOException;
import java.io.Writer;

/**
 * Passes text on line by line, each line redacted by the run's secrets. Whole lines, because a secret may arrive in
 * pieces (print, then println); what is left without a line end is redacted and written on flush and close.
 */
final class RedactingWriter extends Writer {
    private final Writer target;
    private final RunSecrets secrets;
    private final StringBuilder line = new StringBuilder();

    RedactingWriter(Writer target, RunSecrets secrets) {
        super(target);
        this.target = target;
        this.secrets = secrets;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        synchronized (lock) {
            for (int i = offset; i < offset + length; i++) {
                line.append(chars[i]);
                if (chars[i] == '\n') {
                    writeLine();
                }
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            writeLine();
            target.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            writeLine();
            target.close();
        }
    }

    private void writeLine() throws IOException {
        if (!line.isEmpty()) {
            target.write(secrets.redact(line.toString()));
            line.setLength(0);
        }
    }
}
