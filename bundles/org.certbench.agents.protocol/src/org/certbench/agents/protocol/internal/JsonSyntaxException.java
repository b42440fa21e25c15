package org.certbench.agents.protocol.internal;

/**
 * Text that is not JSON. {@link #problem()} is a key of the protocol's message bundle ("JSON_" + key);
 * {@link #position()} is the offset of the offending character.
 */
public final class JsonSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final int position;

    public JsonSyntaxException(String problem, int position) {
        super(Messages.format("JSON_AT", Messages.format("JSON_" + problem), position));
        this.problem = problem;
        this.position = position;
    }

    public String problem() {
        return problem;
    }

    public int position() {
        return position;
    }
}
