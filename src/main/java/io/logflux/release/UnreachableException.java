package io.logflux.release;

/** A service (a package index, GitHub) could not be reached after every retry: exit status 3 on the command line. */
public class UnreachableException extends ReleaseException {
    private static final long serialVersionUID = 1L;

    public UnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String reason() {
        return "unreachable";
    }
}
