package io.logflux.release.rehearsal;

import java.time.Duration;

/**
 * How the index's server bounds its connections: how long one may be silent (waiting for a request, or within one:
 * a stalled body), how long a request's line and headers may take to arrive, how many requests are served at once
 * (the worker pool; the others wait in the queue without a thread), and how many connections it holds open at once
 * (past that it accepts no more until one closes: the others wait in the operating system's backlog).
 */
record ConnectionLimits(Duration idle, Duration requestParse, int workerThreads, int maxConnections) {
    /** Far more connections than two clients of a rehearsal open; a flood of them waits in the backlog. */
    private static final int MAX_CONNECTIONS = 256;
    /** A minute of silence is far more than a local upload needs between two packets. */
    static final ConnectionLimits DEFAULT = new ConnectionLimits(Duration.ofSeconds(60), Duration.ofSeconds(30), 16);

    ConnectionLimits(Duration idle, Duration requestParse, int workerThreads) {
        this(idle, requestParse, workerThreads, MAX_CONNECTIONS);
    }

    int idleMillis() {
        return (int) Math.min(Integer.MAX_VALUE, idle.toMillis());
    }

    int requestParseMillis() {
        return (int) Math.min(Integer.MAX_VALUE, requestParse.toMillis());
    }
}
