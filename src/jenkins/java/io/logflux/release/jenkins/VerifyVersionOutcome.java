package io.logflux.release.jenkins;

import io.logflux.release.check.CheckReport;
import io.logflux.release.check.Finding;
import io.logflux.release.check.Severity;
import io.logflux.release.verify.VerifyVersionReport;

import java.io.Serializable;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@link VerifyVersionCallable} sends back from the agent: plain values only, so it crosses the remoting
 * channel. Either a report (versions matched or not, and with built files the {@code check} of them) or the
 * message of an input error.
 *
 * @param ok                whether the versions matched
 * @param normalizedVersion the tag's version in PEP 440 normal form, when the report was made
 * @param report            the report for the build log, empty on an input error
 * @param failure           the one-line reason for failing the step, empty on success
 */
public record VerifyVersionOutcome(boolean ok, String normalizedVersion, String report, String failure)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static VerifyVersionOutcome of(VerifyVersionReport report, Optional<CheckReport> check) {
        String text = report.text() + check.map(c -> "\n" + c.text(false)).orElse("");
        if (!report.ok()) {
            return new VerifyVersionOutcome(false, report.normalizedVersion(), text,
                    Messages.versionMismatch(report.headline()));
        }
        Optional<Finding> firstError = check.stream().flatMap(c -> Stream.concat(
                        c.files().stream().flatMap(f -> f.findings().stream()), c.batch().stream()))
                .filter(f -> f.severity() == Severity.ERROR).findFirst();
        return new VerifyVersionOutcome(firstError.isEmpty(), report.normalizedVersion(), text,
                firstError.map(f -> Messages.checkFailed(f.message())).orElse(""));
    }

    static VerifyVersionOutcome error(String message) {
        return new VerifyVersionOutcome(false, "", "", message);
    }
}
