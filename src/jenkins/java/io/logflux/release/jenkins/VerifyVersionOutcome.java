package io.logflux.release.jenkins;

import io.logflux.release.verify.VerifyVersionReport;

import java.io.Serializable;

/**
 * What {@link VerifyVersionCallable} sends back from the agent: plain values only, so it crosses the remoting
 * channel. Either a report (versions matched or not) or the message of an input error.
 *
 * @param ok                whether the versions matched
 * @param normalizedVersion the tag's version in PEP 440 normal form, when the report was made
 * @param report            the report for the build log, empty on an input error
 * @param failure           the one-line reason for failing the step, empty on success
 */
public record VerifyVersionOutcome(boolean ok, String normalizedVersion, String report, String failure)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static VerifyVersionOutcome of(VerifyVersionReport report) {
        return new VerifyVersionOutcome(report.ok(), report.normalizedVersion(), report.text(),
                report.ok() ? "" : Messages.versionMismatch(report.headline()));
    }

    static VerifyVersionOutcome error(String message) {
        return new VerifyVersionOutcome(false, "", "", message);
    }
}
