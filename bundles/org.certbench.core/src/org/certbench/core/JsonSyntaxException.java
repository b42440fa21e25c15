package org.certbench.core;

/**
 * Text that is not JSON. {@link #problem()} is a key of core's message bundle ("JSON_" + key);
 * {@link #position()} is the offset of the offending character.
 */
public final class JsonSyntaxException extends Exception {

    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            JsonSyntaxException.class.getClassLoader());

    private static final long serialVersionUID = 1L;

    /** The message key of the problem, e.g. {@code UNEXPECTED_END}. */
    private final String problem;
    /** The character offset (from 0) where the problem was found. */
    private final int position;

    /** A refusal of JSON text; the message names the problem in words and the offset. */
    public JsonSyntaxException(String problem, int position) {
        super(TEXTS.format("JSON_AT", TEXTS.format("JSON_" + problem), position)); //$NON-NLS-1$ //$NON-NLS-2$
        this.problem = problem;
        this.position = position;
    }

    /** {@return the problem's key, for programs; the message has it in words} */
    public String problem() {
        return problem;
    }

    /** {@return the character offset, from 0, where the text went wrong} */
    public int position() {
        return position;
    }
}
