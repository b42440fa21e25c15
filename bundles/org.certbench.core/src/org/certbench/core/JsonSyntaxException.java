package org.certbench.core;

/**
 * Text that is not JSON. {@link #problem()} is a key of core's message bundle ("JSON_" + key);
 * {@link #position()} is the offset of the offending character.
 */
public final class JsonSyntaxException extends Exception {

    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            JsonSyntaxException.class.getClassLoader());

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final int position;

    public JsonSyntaxException(String problem, int position) {
        super(TEXTS.format("JSON_AT", TEXTS.format("JSON_" + problem), position)); //$NON-NLS-1$ //$NON-NLS-2$
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
