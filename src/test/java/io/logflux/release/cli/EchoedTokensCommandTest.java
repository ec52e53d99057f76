package io.logflux.release.cli;

import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleBuild;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers that echo the Authorization header back in their error bodies (debug proxies, misconfigured servers): the
 * command line prints none of it, on standard output, standard error, --json or a --report file.
 */
class EchoedTokensCommandTest {
    private final MockWebServer echo = new MockWebServer();
    private final Map<String, String> env = new HashMap<>();
    private final String pypi = FakeTokens.pypi();
    private final String github = FakeTokens.github();
    private int status;
    private boolean json;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        env.put("PYPI_API_TOKEN", pypi);
        env.put("TWINE_PASSWORD", pypi);
        env.put("GITHUB_TOKEN", github);
        echo.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return echoing(request.getHeaders().get("Authorization"));
            }
        });
        echo.start();
    }

    @AfterEach
    void stop() {
        echo.close();
    }

    private MockResponse echoing(String authorization) {
        String header = authorization == null ? "" : authorization;
        String decoded = header.startsWith("Basic ") ? new String(Base64.getDecoder().decode(header.substring(6)),
                StandardCharsets.UTF_8) : header;
        String body = json ? "{\"message\": \"Bad credentials: " + header + " (" + decoded + ")\"}"
                : "<html><body><h1>" + status + " refused</h1><p>Authorization: " + header + "</p><p>" + decoded
                + "</p></body></html>";
        return new MockResponse.Builder().code(status).addHeader("Content-Type", json ? "application/json"
                : "text/html").body(body).build();
    }

    private void assertNoToken(CliRun run, String... more) throws IOException {
        assertThat(echo.getRequestCount()).as("the server was asked").isPositive();
        StringBuilder printed = new StringBuilder(run.out()).append(run.err());
        for (String file : more) {
            printed.append(Files.readString(Path.of(file)));
        }
        for (String token : List.of(pypi, github)) {
            assertThat(printed.toString()).doesNotContain(token)
                    .doesNotContain(Base64.getEncoder().encodeToString(("__token__:" + token)
                            .getBytes(StandardCharsets.UTF_8)));
        }
    }

    @ParameterizedTest
    @CsvSource({"401, false", "403, true", "400, false", "400, true", "500, false", "500, true"})
    void anIndexEchoingTheTokenGetsNothingPrinted(int code, boolean jsonBody) throws IOException {
        status = code;
        json = jsonBody;

        CliRun run = CliRun.run(getClass().getSimpleName(), env, "publish", "-r", echo.url("/legacy/").toString(),
                "--attempts", "1", "--no-wait", "--json", SampleBuild.shared().wheel().toString());

        assertThat(run.status()).as(run.err()).isNotZero();
        assertNoToken(run);
    }

    @ParameterizedTest
    @CsvSource({"401, true", "403, false", "400, true", "400, false", "500, true"})
    void gitHubEchoingTheTokenGetsNothingPrinted(int code, boolean jsonBody) throws IOException {
        status = code;
        json = jsonBody;
        Path hello = Files.writeString(dir.resolve("hello.txt"), "Hello\n");

        CliRun run = CliRun.run(getClass().getSimpleName(), env, "github-release", "--repo", "logflux/logflux-python",
                "--tag", "v0.2.0", "--api-url", echo.url("/api/v3/").toString(), "--notes", "n",
                "--attempts", "1", hello.toString());

        assertThat(run.status()).as(run.err()).isNotZero();
        assertNoToken(run);
    }

    @ParameterizedTest
    @CsvSource({"401, true", "403, false"})
    void aTokenCheckReportFileHoldsNoEchoedToken(int code, boolean jsonBody) throws IOException {
        status = code;
        json = jsonBody;
        Path report = dir.resolve("report.json");

        CliRun run = CliRun.run(getClass().getSimpleName(), env, "check-tokens", "--token",
                "github:GITHUB_TOKEN:logflux/logflux-python", "--online", "--github-api-url",
                echo.url("/api/v3/").toString(), "--report", report.toString());

        assertNoToken(run, report.toString());
    }
}
