package io.logflux.release.request;

import io.logflux.release.ReleaseException;

/**
 * A request field with a value its rule refuses. The message names the field as the engine calls it
 * ("parallelUploads"); a front end that calls it otherwise ("--parallel-uploads") asks for {@link #messageFor}.
 */
public final class InvalidRequestException extends ReleaseException {
    private final String field;
    private final String rule;

    /**
     * @param field the request's name of the field, such as "parallelUploads"
     * @param rule  the rest of the sentence, such as "takes 1 or more; got 0."
     */
    public InvalidRequestException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    /** The message with the field named as the front end names it. */
    public String messageFor(String name) {
        return name + " " + rule;
    }

    @Override
    public String reason() {
        return "invalid";
    }
}
