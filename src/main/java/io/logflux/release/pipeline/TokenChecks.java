package io.logflux.release.pipeline;

import io.logflux.release.ReleaseException;
import io.logflux.release.concurrent.DaemonThreads;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import io.logflux.release.publish.DistFile;
import io.logflux.release.publish.TokenProbe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The token probe of every index the release will publish to, started at once beside validation: a refused production
 * token then stops the release before anything reaches the test index, and neither publish spends a round trip on it
 * later. Each probe's lines are held and printed, in phase order, when the probes are awaited.
 */
final class TokenChecks implements AutoCloseable {
    private record Probe(ReleaseTarget target, List<String> lines, CompletableFuture<Void> done) {
    }

    private final List<Probe> probes = new ArrayList<>();
    private final ExecutorService threads;
    private boolean awaited;

    private TokenChecks(ExecutorService threads) {
        this.threads = threads;
    }

    /** Starts one probe per target, in the order given (test first). */
    static TokenChecks start(List<ReleaseTarget> targets, List<Path> files, HttpSettings http, Sleeper sleeper) {
        TokenChecks checks = new TokenChecks(Executors.newFixedThreadPool(Math.max(1, targets.size()),
                DaemonThreads.named("logflux-token-probe")));
        // Read on the probes' threads, once, and only when there is an index to ask: a bad file is then reported by the
        // probe's await, in phase order, like any other probe failure.
        CompletableFuture<DistFile> first = targets.isEmpty() ? null
                : CompletableFuture.supplyAsync(() -> DistFile.readRelease(files).get(0), checks.threads);
        for (ReleaseTarget target : targets) {
            List<String> lines = new ArrayList<>();
            Consumer<String> held = line -> {
                synchronized (lines) {
                    lines.add(line);
                }
            };
            CompletableFuture<Void> done = first.thenAcceptAsync(file -> TokenProbe.require(target.index(),
                    target.credentials(), http, sleeper, held, file), checks.threads);
            checks.probes.add(new Probe(target, lines, done));
        }
        return checks;
    }

    /** Waits for every probe, prints their lines, and throws the first refusal (in phase order); once. */
    void await(Consumer<String> log) {
        if (awaited) {
            return;
        }
        awaited = true;
        for (Probe probe : probes) {
            try {
                probe.done().join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof ReleaseException refusal) {
                    throw refusal;
                }
                // What the probe's own thread threw, not the future's wrapper, so the caller reports it as it would
                // any failure of its own.
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            } finally {
                synchronized (probe.lines()) {
                    probe.lines().forEach(log);
                }
            }
        }
    }

    /** Whether any index was asked. */
    boolean probed() {
        return !probes.isEmpty();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
