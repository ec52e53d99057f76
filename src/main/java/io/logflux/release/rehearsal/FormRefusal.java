package io.logflux.release.rehearsal;

/**
 * An upload stopped at one of the {@link FormLimits}: the index answers 413, Pyramid's HTTPRequestEntityTooLarge with
 * the detail as its message (as warehouse raises it, warehouse/views.py L433 {@code HTTPRequestEntityTooLarge("Query
 * string too long.")}), and closes the connection instead of reading the rest.
 */
final class FormRefusal extends Exception {
    FormRefusal(String detail) {
        super(detail, null, false, false);
    }

    String detail() {
        return getMessage();
    }
}
