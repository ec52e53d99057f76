package io.logflux.release.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ways the install check runs pip. Both give pip the same options, settings and environment; they differ in
 * how the venv gets made and which pip runs.
 * <ul>
 * <li>{@link #HOST_PIP}: {@code python -m venv --without-pip} (a tenth of a second: ensurepip, which unpacks and
 * installs pip into every new venv, is most of the cost of a venv), then the Python's own pip: {@code pip download}
 * as it is (it only fetches files into a directory, for the same interpreter the venv has), {@code pip --python
 * <venv python> install} into the venv. pip then runs itself again under the venv's interpreter, with the same
 * environment and arguments, so it installs into the venv and nowhere else.</li>
 * <li>{@link #VENV_PIP}: {@code python -m venv} with ensurepip, then the venv's own pip, for a host pip older than
 * 22.3 or none.</li>
 * </ul>
 */
public enum PipWay {
    HOST_PIP("host-pip"), VENV_PIP("venv-pip");

    private final String id;

    PipWay(String id) {
        this.id = id;
    }

    /** One word for result maps: {@code host-pip} or {@code venv-pip}. */
    public String id() {
        return id;
    }

    List<String> createVenv(String python, Path venv) {
        List<String> command = new ArrayList<>(List.of(python, "-m", "venv"));
        if (this == HOST_PIP) {
            command.add("--without-pip");
        }
        command.add(venv.toString());
        return command;
    }

    /** The pip that fetches the released files. */
    List<String> downloadingPip(String python, Path venvPython) {
        return this == HOST_PIP ? List.of(python, "-m", "pip") : List.of(venvPython.toString(), "-m", "pip");
    }

    /** The pip that installs into the venv. */
    List<String> installingPip(String python, Path venvPython) {
        return this == HOST_PIP ? List.of(python, "-m", "pip", "--python", venvPython.toString())
                : List.of(venvPython.toString(), "-m", "pip");
    }
}
