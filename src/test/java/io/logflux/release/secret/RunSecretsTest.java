package io.logflux.release.secret;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunSecretsTest {
    private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcC+canary/value=";

    private RunSecrets run() {
        RunSecrets secrets = new RunSecrets();
        secrets.add(Secret.require(TOKEN, "environment variable PYPI_API_TOKEN", "token", "").sentAsPasswordOf("__token__"));
        return secrets;
    }

    @Test
    void redactsTheValueItsUrlEncodedFormItsBasicFormAndItsJsonEscapedForm() {
        String basic = Base64.getEncoder().encodeToString(("__token__:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        String echoed = "401: got " + TOKEN + " / " + java.net.URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)
                + " / Basic " + basic + " / " + TOKEN.replace("/", "\\/");

        assertThat(run().redact(echoed)).isEqualTo("401: got **** / **** / Basic **** / ****");
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        RunSecrets secrets = new RunSecrets();
        secrets.addValue("abc123", "short");
        secrets.addValue("xxabc123yy", "long");

        assertThat(secrets.redact("a xxabc123yy b abc123")).isEqualTo("a **** b ****");
    }

    @Test
    void userInfoInAnyUrlIsMasked() {
        assertThat(new RunSecrets().redact("GET https://me:hunter2@pypi.example.com/simple/ failed"))
                .isEqualTo("GET https://****@pypi.example.com/simple/ failed");
    }

    @Test
    void resultMapsAreRedactedDeeply() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", "echo " + TOKEN);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", false);
        result.put("files", List.of(inner, "x" + TOKEN));

        assertThat(run().redact(result)).isEqualTo(Map.of("ok", false, "files", List.of(Map.of("message", "echo ****"),
                "x****")));
    }

    @Test
    void thePrinterRedactsASecretWrittenInPieces() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter printer = run().printer(bytes);

        printer.print("token: " + TOKEN.substring(0, 10));
        printer.print(TOKEN.substring(10));
        printer.println(" end");
        printer.print("no newline " + TOKEN);
        printer.flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("token: **** end" + System.lineSeparator()
                + "no newline ****");
    }

    @Test
    void emptyValuesAreNotSecrets() {
        RunSecrets secrets = new RunSecrets();
        secrets.addValue("", "empty");
        secrets.addValue(null, "unset");
        secrets.add(Secret.orEmpty("", "empty"));

        assertThat(secrets.redact("nothing to hide")).isEqualTo("nothing to hide");
    }
}
