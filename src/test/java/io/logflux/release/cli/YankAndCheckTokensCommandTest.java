package io.logflux.release.cli;

import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** yank and check-tokens as a user runs them. */
class YankAndCheckTokensCommandTest {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    final Map<String, String> env = new HashMap<>();

    @TempDir
    Path dir;


    private CliRun run(String... args) {
        CliRun run = CliRun.run(getClass().getSimpleName(), env, args);
        env.values().forEach(secret -> assertThat(run.out() + run.err()).doesNotContain(secret));
        return run;
    }

    @Test
    void yankWithoutAnApiPrintsThePageAndExitsOneUntilItIsDone() {
        server.index().preload(SampleBuild.shared().wheel(), "logflux", "0.2.0");

        CliRun before = run("yank", "--package", "logflux", "--version", "0.2.0", "--reason", "broken wheel", "-r",
                server.index().uploadUrl());
        server.index().yank("logflux", "0.2.0", "broken wheel");
        CliRun after = run("yank", "--package", "logflux", "--version", "0.2.0", "--reason", "broken wheel", "-r",
                server.index().uploadUrl());

        assertThat(before.status()).isEqualTo(1);
        assertThat(before.err()).contains("by hand: open " + server.index().baseUrl()
                + "manage/project/logflux/release/0.2.0/, choose \"Yank\", and give the reason: broken wheel");
        assertThat(before.out()).startsWith("Yank of logflux 0.2.0: NOT VERIFIED");
        assertThat(after.status()).isZero();
        assertThat(after.out()).contains("yanked (reason: \"broken wheel\") — was already yanked");
    }

    @Test
    void yankThroughTheApiWhereTheIndexHasOne() {
        server.index().preload(SampleBuild.shared().wheel(), "logflux", "0.2.0");
        server.index().withYankApi();
        env.put("INDEX_TOKEN", server.token());

        CliRun run = run("yank", "--package", "logflux", "--version", "0.2.0", "--reason", "broken wheel", "-r",
                server.index().uploadUrl(), "--use-api", "--token-env", "INDEX_TOKEN");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(server.index().isYanked("logflux", "0.2.0")).isTrue();
    }

    @Test
    void checkTokensPrintsTheTableWritesTheReportAndFailsOnAFailure() throws Exception {
        String scoped = mint("[1,[\"logflux\"]]");
        String accountWide = mint("[3,\"user\"]");
        env.put("PYPI_API_TOKEN", scoped);
        env.put("OLD_TOKEN", accountWide);
        Path report = dir.resolve("report.json");
        Path ledger = dir.resolve("ledger.json");

        CliRun good = run("check-tokens", "--token", "pypi:PYPI_API_TOKEN:logflux", "--ledger", ledger.toString());
        CliRun bad = run("check-tokens", "--token", "pypi:PYPI_API_TOKEN:logflux", "--token",
                "pypi:OLD_TOKEN:logflux:2025-01-01", "--report", report.toString());
        CliRun missing = run("check-tokens", "--token", "pypi:NOT_SET");

        assertThat(good.status()).isZero();
        assertThat(good.out()).contains("environment variable PYPI_API_TOKEN").contains("Token check: OK");
        assertThat(Files.readString(ledger)).doesNotContain(scoped);
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).contains("account-wide").contains("Token check: FAIL");
        assertThat(Files.readString(report)).contains("\"overall\" : \"FAIL\"").doesNotContain(accountWide);
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("The environment variable NOT_SET is not set.");
    }

    private static String mint(String caveat) {
        return FakeTokens.noted(DebianPython.runOk(null, "-c", """
                import sys, uuid, pymacaroons
                m = pymacaroons.Macaroon(location="pypi.org", identifier=str(uuid.uuid4()), key="k",
                                         version=pymacaroons.MACAROON_V2)
                m.add_first_party_caveat(sys.argv[1])
                print("pypi-" + m.serialize())
                """, caveat).strip());
    }
}
