package io.logflux.release.publish;

import io.logflux.release.process.ChildEnvironment;
import io.logflux.release.process.ChildRun;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Python of the install check offers, found by one short run of it: {@code venv}, {@code ensurepip} and the
 * version of its own pip. It decides the {@link PipWay}: the host's pip into a venv made without pip when that pip
 * has {@code --python} (22.3 and later), else the venv's own pip from ensurepip.
 *
 * @param pipVersion the host's pip, empty when it has none (or it does not import)
 * @param failure    why the Python could not be asked at all (not found, timed out), else empty
 */
public record InstallPython(String python, boolean venv, boolean ensurepip, Optional<String> pipVersion,
                            Optional<String> failure) {
    /** The first pip with {@code pip --python}. */
    static final int[] PYTHON_OPTION_SINCE = {22, 3};
    private static final Pattern REPLY = Pattern.compile("venv=([01]) ensurepip=([01]) pip=(\\S*)");
    private static final Pattern RELEASE = Pattern.compile("(\\d{1,6})\\.(\\d{1,6})");
    // -I: the agent's PYTHON* variables, user site and working directory cannot change what is found. find_spec does
    // not import venv or ensurepip; pip/__init__.py holds only the version.
    private static final String SCRIPT = String.join("\n",
            "import importlib.util as u",
            "def has(m):",
            "    try:",
            "        return u.find_spec(m) is not None",
            "    except Exception:",
            "        return False",
            "v = ''",
            "if has('pip'):",
            "    try:",
            "        import pip",
            "        v = pip.__version__",
            "    except Exception:",
            "        pass",
            "print('venv=%d ensurepip=%d pip=%s' % (has('venv'), has('ensurepip'), v))");

    /** Asks {@code python}, in {@code dir}, with the install check's environment. */
    public static InstallPython probe(String python, ChildEnvironment environment, Path dir, Duration timeout) {
        try {
            ChildRun.Result reply = ChildRun.run(java.util.List.of(python, "-I", "-c", SCRIPT), dir, environment,
                    PipSteps.settings(Optional.empty()), timeout);
            return parse(python, reply);
        } catch (IOException e) {
            return failed(python, "cannot run it: " + e.getMessage());
        } catch (TimeoutException e) {
            return failed(python, "it did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(python, "interrupted");
        }
    }

    static InstallPython parse(String python, ChildRun.Result reply) {
        Matcher m = REPLY.matcher(reply.output());
        if (reply.status() != 0) {
            return failed(python, "it exited with status " + reply.status() + " (" + reply.tail() + ")");
        }
        if (!m.find()) {
            return failed(python, "its answer is not a Python's (" + reply.tail() + ")");
        }
        return new InstallPython(python, m.group(1).equals("1"), m.group(2).equals("1"),
                Optional.of(m.group(3)).filter(v -> !v.isEmpty()), Optional.empty());
    }

    private static InstallPython failed(String python, String why) {
        return new InstallPython(python, false, false, Optional.empty(), Optional.of(why));
    }

    /** Whether the host's pip has {@code --python}. */
    public boolean pipHasPythonOption() {
        return pipVersion.flatMap(InstallPython::release).map(r -> r[0] > PYTHON_OPTION_SINCE[0]
                || r[0] == PYTHON_OPTION_SINCE[0] && r[1] >= PYTHON_OPTION_SINCE[1]).orElse(false);
    }

    /** How the install check gets packages into its venv, or empty when this Python cannot make one with pip. */
    public Optional<PipWay> way() {
        if (!venv) {
            return Optional.empty();
        }
        if (pipHasPythonOption()) {
            return Optional.of(PipWay.HOST_PIP);
        }
        return ensurepip ? Optional.of(PipWay.VENV_PIP) : Optional.empty();
    }

    /** Why there is no way, after the Python's name: "has no venv module", for the message that skips or stops. */
    public String whyNoWay() {
        if (failure.isPresent()) {
            return "cannot be asked: " + failure.get();
        }
        if (!venv) {
            return "has no venv module";
        }
        return "has neither pip " + PYTHON_OPTION_SINCE[0] + "." + PYTHON_OPTION_SINCE[1] + " or later nor ensurepip ("
                + pipVersion.map(v -> "its pip is " + v).orElse("it has no pip") + ")";
    }

    /** The way in words, for the log: what makes the venv and whose pip installs into it. */
    String describe(PipWay way) {
        return switch (way) {
            case HOST_PIP -> "made --without-pip; " + python + "'s own pip " + pipVersion.orElse("?")
                    + " installs into it with --python";
            case VENV_PIP -> "with its own pip from ensurepip, as " + pipVersion.map(v -> python + "'s pip " + v
                    + " is older than " + PYTHON_OPTION_SINCE[0] + "." + PYTHON_OPTION_SINCE[1] + " (no --python)")
                    .orElse(python + " has no pip of its own");
        };
    }

    private static Optional<int[]> release(String version) {
        Matcher m = RELEASE.matcher(version);
        return m.lookingAt() ? Optional.of(new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))})
                : Optional.empty();
    }
}
