package io.logflux.release.check;

import io.logflux.release.process.ChildEnvironment;
import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderer process of one run: one Python for all descriptions, PyPI's readme_renderer as the judge, and every
 * way the process can go wrong reported on the description it happened to, without a hang.
 */
class RstRendererTest {
    private static final String GOOD = "LogFlux\n=======\n\nSend *structured* logs.\n";
    private static final String BROKEN = "LogFlux\n=======\n\nSend *structured logs.\n";

    @TempDir
    Path dir;

    private static RstRenderer.Limits limits(Duration renderTimeout) {
        RstRenderer.Limits defaults = RstRenderer.Limits.defaults();
        return new RstRenderer.Limits(defaults.maxDescriptionBytes(), defaults.maxReplyBytes(),
                defaults.startTimeout(), renderTimeout, defaults.maxStarts(), defaults.maxMemoryBytes());
    }

    private static RstRenderer renderer(String python) {
        return new RstRenderer(List.of(python), RstRenderer.Limits.defaults(), ChildEnvironment.ofThisProcess());
    }

    @Test
    void manyDescriptionsOfOneRunAreRenderedByOnePythonWithReadmeRendererAsTheJudge() {
        try (RstRenderer renderer = renderer(DebianPython.executable())) {
            List<RstRenderer.Result> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                renderer.render((i % 5 == 3 ? BROKEN : GOOD) + "\nRelease " + i + ".\n", results::add);
            }
            renderer.finish();

            assertThat(renderer.processesStarted()).isEqualTo(1);
            assertThat(results).hasSize(20);
            for (int i = 0; i < 20; i++) {
                RstRenderer.Result result = results.get(i);
                assertThat(result.checked()).as("description %d: %s", i, result.notCheckedBecause()).isTrue();
                if (i % 5 == 3) {
                    assertThat(result.problems()).as("description %d", i)
                            .containsExactly("line 4: Warning: Inline emphasis start-string without end-string.");
                } else {
                    assertThat(result.problems()).as("description %d", i).isEmpty();
                }
            }
        }
    }

    @Test
    void theProcessStartsOnlyWhenTheFirstDescriptionComesAndEndsWithTheRun() throws Exception {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        RstRenderer renderer = renderer(fake.executable());
        assertThat(renderer.processesStarted()).isZero();

        assertThat(renderer.render("one\n").checked()).isTrue();
        long pid = renderer.pid();
        assertThat(renderer.render("two\n").checked()).isTrue();
        assertThat(renderer.pid()).isEqualTo(pid);
        renderer.close();

        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            process.get().onExit().get(1, TimeUnit.MINUTES);
        }
        assertThat(fake.starts()).isEqualTo(1);
        assertThat(renderer.pid()).isEqualTo(-1);
    }

    @Test
    void eachRunOfAReusedRendererHasItsOwnProcessAndStartsAfresh() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        RstRenderer renderer = renderer(fake.executable());
        for (int run = 0; run < 5; run++) {
            assertThat(renderer.render("CRASH in run " + run + "\n").notCheckedBecause())
                    .contains("ended before it answered");
            assertThat(renderer.render("fine\n").checked()).as("run %d", run).isTrue();
            renderer.close();
        }

        // per run: the crashing description's process, the new one it is sent to again, and one for "fine"
        assertThat(fake.starts()).isEqualTo(15);
        assertThat(fake.log()).filteredOn(line -> line.equals("request fine")).hasSize(5);
    }

    @Test
    void aDescriptionSeenBeforeInTheRunIsNotRenderedAgain() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        try (RstRenderer renderer = renderer(fake.executable())) {
            List<RstRenderer.Result> results = new ArrayList<>();
            renderer.render("BROKEN wheel and sdist\n", results::add);
            renderer.render("BROKEN wheel and sdist\n", results::add);
            renderer.finish();
            results.add(renderer.render("BROKEN wheel and sdist\n"));

            assertThat(results).hasSize(3).allSatisfy(result -> assertThat(result.problems()).containsExactly(
                    "line 4: Warning: Inline emphasis start-string without end-string."));
            assertThat(fake.log()).containsExactly("start", "request BROKEN wheel and sdist");
        }
    }

    @Test
    void aProcessThatDiesIsReportedOnTheDescriptionItWasRenderingAndTheOthersGetANewOne() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        try (RstRenderer renderer = renderer(fake.executable())) {
            List<RstRenderer.Result> results = new ArrayList<>();
            for (String description : List.of("first\n", "CRASH here\n", "third\n", "fourth\n")) {
                renderer.render(description, results::add);
            }
            renderer.finish();

            assertThat(results).hasSize(4);
            assertThat(results.get(1).checked()).isFalse();
            assertThat(results.get(1).notCheckedBecause()).contains("ended before it answered for this description, "
                    + "and so did a new one it was sent to again").contains("exit status 9")
                    .contains("Fatal Python error: Segmentation fault")
                    .contains("-m readme_renderer README.rst");
            for (int i : new int[] {0, 2, 3}) {
                assertThat(results.get(i).checked()).as("description %d: %s", i, results.get(i).notCheckedBecause())
                        .isTrue();
            }
            assertThat(renderer.processesStarted()).isEqualTo(3);
            assertThat(fake.log()).filteredOn(line -> line.startsWith("request ")).containsOnlyOnce(
                    "request first", "request third", "request fourth");
            assertThat(fake.log()).filteredOn(line -> line.equals("request CRASH here")).hasSize(2);
        }
    }

    @Test
    void aDescriptionWhoseProcessWasKilledFromOutsideIsRenderedByANewOne() throws Exception {
        try (RstRenderer renderer = renderer(DebianPython.executable())) {
            assertThat(renderer.render(GOOD).problems()).isEmpty();
            ProcessHandle process = ProcessHandle.of(renderer.pid()).orElseThrow();
            process.destroyForcibly();
            process.onExit().get(1, TimeUnit.MINUTES);

            RstRenderer.Result afterDeath = renderer.render(GOOD + "\nMore.\n");
            RstRenderer.Result next = renderer.render(BROKEN);

            // the process died of something else than this description: it is rendered by the new one
            assertThat(afterDeath.checked()).as(afterDeath.notCheckedBecause()).isTrue();
            assertThat(afterDeath.problems()).isEmpty();
            assertThat(next.problems()).containsExactly(
                    "line 4: Warning: Inline emphasis start-string without end-string.");
            assertThat(renderer.processesStarted()).isEqualTo(2);
        }
    }

    @Test
    void aDescriptionWhoseProcessDiedOfSomethingElseIsRenderedByANewOneAndOnlyThatVerdictIsKept() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        try (RstRenderer renderer = renderer(fake.executable())) {
            List<RstRenderer.Result> results = new ArrayList<>();
            for (String description : List.of("first\n", "FLAKY and BROKEN\n", "third\n")) {
                renderer.render(description, results::add);
            }
            renderer.finish();
            RstRenderer.Result later = renderer.render("FLAKY and BROKEN\n");

            assertThat(results).hasSize(3).allSatisfy(result -> assertThat(result.checked())
                    .as(result.notCheckedBecause()).isTrue());
            assertThat(results).filteredOn(result -> !result.problems().isEmpty()).singleElement()
                    .isEqualTo(later);
            assertThat(later.problems()).containsExactly(
                    "line 4: Warning: Inline emphasis start-string without end-string.");
            assertThat(fake.log()).filteredOn(line -> line.equals("request FLAKY and BROKEN")).hasSize(2);
            assertThat(fake.starts()).isEqualTo(2);
        }
    }

    @Test
    void aProcessThatCannotBeStartedAgainSaysSoInsteadOfBlamingTheDescriptionOrThePython() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        try (RstRenderer renderer = renderer(fake.executable())) {
            List<RstRenderer.Result> results = new ArrayList<>();
            for (String description : List.of("first\n", "FATAL here\n", "third\n")) {
                renderer.render(description, results::add);
            }
            renderer.finish();
            results.add(renderer.render("FATAL here\n"));
            results.add(renderer.render("fifth\n"));

            assertThat(results.get(0).checked()).isTrue();
            String expected = "readme_renderer's process (" + fake.executable() + ") ended (exit status 9: Fatal "
                    + "Python error: Segmentation fault) and could not be started again: ended at start (exit "
                    + "status 1: Fatal Python error: init_fs_encoding); run check again, and if it fails again, check "
                    + "that " + fake.executable() + " -c 'import readme_renderer.rst' works";
            assertThat(results.subList(1, 5)).allSatisfy(result -> {
                assertThat(result.checked()).isFalse();
                assertThat(result.notCheckedBecause()).isEqualTo(expected);
            });
            // one start that failed, not one per description
            assertThat(fake.starts()).isEqualTo(2);
        }
    }

    @Test
    void messagesLongerThanTheBoundAreCutByTheRendererAtALineAndSaidToBeCut() {
        String directive = "LogFlux\n=======\n\n.. nosuchdirective::\n\n" + "   a line of the directive's body\n"
                .repeat(3000);
        try (RstRenderer renderer = renderer(DebianPython.executable())) {
            // docutils repeats the directive's ~100 KiB in its message, past the 64 KiB read back
            RstRenderer.Result result = renderer.render(directive);

            assertThat(result.checked()).as(result.notCheckedBecause()).isTrue();
            assertThat(result.problems()).containsExactly("line 4: Error: Unknown directive type \"nosuchdirective\".",
                    "and more: readme_renderer's messages were longer than the 64.0 KiB check reads, and were cut "
                            + "after these");
            assertThat(renderer.render(BROKEN).problems()).containsExactly(
                    "line 4: Warning: Inline emphasis start-string without end-string.");
            assertThat(renderer.processesStarted()).isEqualTo(1);
        }
    }

    @Test
    void aProcessThatKeepsDyingIsStartedAtMostThreeTimesPerRun() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        try (RstRenderer renderer = renderer(fake.executable())) {
            List<RstRenderer.Result> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                renderer.render("CRASH " + i + "\n", results::add);
            }
            renderer.finish();

            assertThat(results).hasSize(6).allSatisfy(result -> assertThat(result.checked()).isFalse());
            assertThat(results.subList(3, 6)).allSatisfy(result -> assertThat(result.notCheckedBecause())
                    .contains("ended 3 times in this run").contains("Segmentation fault"));
            assertThat(fake.starts()).isEqualTo(3);
        }
    }

    @Test
    void aDescriptionThatDoesNotFinishInTimeIsReportedAndTheProcessReplaced() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        try (RstRenderer renderer = new RstRenderer(List.of(fake.executable()), limits(Duration.ofSeconds(5)),
                ChildEnvironment.ofThisProcess())) {
            RstRenderer.Result hung = renderer.render("HANG\n");
            RstRenderer.Result next = renderer.render("BROKEN\n");

            assertThat(hung.checked()).isFalse();
            assertThat(hung.notCheckedBecause()).contains("did not finish rendering it within 5 s");
            assertThat(next.problems()).hasSize(1);
            assertThat(renderer.processesStarted()).isEqualTo(2);
        }
    }

    @Test
    void outputWithoutEndAndAnnouncedFloodsAreRefusedWithoutReadingThem() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        try (RstRenderer renderer = renderer(fake.executable())) {
            RstRenderer.Result flood = renderer.render("FLOOD\n");
            RstRenderer.Result huge = renderer.render("HUGE\n");
            RstRenderer.Result next = renderer.render("fine\n");

            assertThat(flood.notCheckedBecause()).contains("answered outside the protocol")
                    .contains("a line longer than 128 bytes");
            assertThat(huge.notCheckedBecause()).contains("answered outside the protocol")
                    .contains("announced 999999999 bytes of messages, more than the 65536 allowed");
            assertThat(next.checked()).isTrue();
            assertThat(renderer.processesStarted()).isEqualTo(3);
        }
    }

    @Test
    void anExceptionInReadmeRendererIsAFailureAsOnPyPI() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        try (RstRenderer renderer = renderer(fake.executable())) {
            RstRenderer.Result result = renderer.render("RAISES\n");

            assertThat(result.checked()).isTrue();
            assertThat(result.problems()).containsExactly("readme_renderer raised RecursionError: maximum recursion "
                    + "depth exceeded (PyPI's upload fails on it too)");
        }
    }

    @Test
    void aDescriptionLargerThanTheBoundIsNotSent() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        RstRenderer.Limits small = new RstRenderer.Limits(1000, 65536, Duration.ofMinutes(1), Duration.ofMinutes(1), 3,
                RstRenderer.Limits.defaults().maxMemoryBytes());
        try (RstRenderer renderer = new RstRenderer(List.of(fake.executable()), small,
                ChildEnvironment.ofThisProcess())) {
            RstRenderer.Result result = renderer.render("x".repeat(1001));

            assertThat(result.checked()).isFalse();
            assertThat(result.notCheckedBecause()).contains("more than the").contains("check renders");
            assertThat(renderer.processesStarted()).isZero();
        }
    }

    @Test
    void interpretersWithoutReadmeRendererAreSkippedAndNamedWhenNoneHasIt() {
        FakeRenderer without = FakeRenderer.in(dir, FakeRenderer.Greeting.UNAVAILABLE);
        FakeRenderer notOurs = FakeRenderer.in(dir, FakeRenderer.Greeting.GARBAGE);
        String missing = dir.resolve("no-such-python").toString();
        try (RstRenderer none = new RstRenderer(List.of(missing, without.executable(), notOurs.executable()),
                RstRenderer.Limits.defaults(), ChildEnvironment.ofThisProcess())) {
            RstRenderer.Result first = none.render(GOOD);
            RstRenderer.Result second = none.render(BROKEN);

            assertThat(first.checked()).isFalse();
            assertThat(first.notCheckedBecause()).contains("no Python with readme_renderer was found")
                    .contains(missing + ": cannot be run")
                    .contains(without.executable() + ": no readme_renderer (ModuleNotFoundError)")
                    .contains(notOurs.executable() + ": not the renderer: its first line was not the renderer's "
                            + "greeting: 'Python 2.7.18 says hello'")
                    .contains("install python3-readme-renderer, or pass --python");
            assertThat(second.notCheckedBecause()).isEqualTo(first.notCheckedBecause());
            assertThat(without.starts()).isEqualTo(1);
            assertThat(notOurs.starts()).isEqualTo(1);
        }
        try (RstRenderer fallback = new RstRenderer(List.of(without.executable(), DebianPython.executable()),
                RstRenderer.Limits.defaults(), ChildEnvironment.ofThisProcess())) {
            assertThat(fallback.render(BROKEN).problems()).hasSize(1);
        }
    }

    @Test
    void theRendererGetsTheAllowListedEnvironmentOnly() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.DUMP_ENVIRONMENT);
        ChildEnvironment environment = ChildEnvironment.of(Map.of("PATH", System.getenv("PATH"),
                "TWINE_PASSWORD", "pypi-canary", "PYTHONPATH", "/tmp/evil", "LANG", "C.UTF-8"));
        try (RstRenderer renderer = new RstRenderer(List.of(fake.executable()), RstRenderer.Limits.defaults(),
                environment)) {
            assertThat(renderer.render(GOOD).checked()).isTrue();
        }

        String variables = fake.log().stream().filter(line -> line.startsWith("environment ")).findFirst()
                .orElseThrow();
        assertThat(variables.split(" ")).contains("PATH", "LANG").doesNotContain("TWINE_PASSWORD", "PYTHONPATH");
    }

    @Test
    void theRendererProcessHasABoundedAddressSpace() {
        // So small that not even readme_renderer can be imported under it: the bound is set before the import.
        RstRenderer.Limits defaults = RstRenderer.Limits.defaults();
        RstRenderer.Limits tiny = new RstRenderer.Limits(defaults.maxDescriptionBytes(), defaults.maxReplyBytes(),
                defaults.startTimeout(), defaults.renderTimeout(), 1, 16L << 20);
        try (RstRenderer renderer = new RstRenderer(List.of(DebianPython.executable()), tiny,
                ChildEnvironment.ofThisProcess())) {
            RstRenderer.Result result = renderer.render("Title\n=====\n\nText.\n");

            assertThat(result.checked()).isFalse();
            assertThat(result.notCheckedBecause()).contains(DebianPython.executable()
                    + ": ran out of memory importing readme_renderer (the renderer is given 16.0 MiB of address space)");
        }
        try (RstRenderer renderer = new RstRenderer(List.of(DebianPython.executable()), defaults,
                ChildEnvironment.ofThisProcess())) {
            assertThat(renderer.render("Title\n=====\n\nText.\n").checked()).as("the default bound is ample").isTrue();
        }
    }

    @Test
    void aDescriptionThatRanOutOfTheRenderersMemoryIsUncheckedNotRefused() {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        try (RstRenderer renderer = new RstRenderer(List.of(fake.executable()), RstRenderer.Limits.defaults(),
                ChildEnvironment.ofThisProcess())) {
            RstRenderer.Result result = renderer.render("OUT_OF_MEMORY\n");

            assertThat(result.checked()).isFalse();
            assertThat(result.problems()).isEmpty();
            assertThat(result.notCheckedBecause()).isEqualTo("MemoryError: rendering it needed more than the 2048 MiB "
                    + "check gives the renderer");
            assertThat(renderer.render("RAISES\n").problems()).singleElement().asString()
                    .contains("PyPI's upload fails on it too");
        }
    }
}
