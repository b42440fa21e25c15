package org.certbench.core;

import java.nio.file.Path;

/**
 * The one directory that holds CertBench's state ({@code truststore/}, {@code messages/}, {@code agents/},
 * {@code host/}, {@code console/}): the system property {@code certbench.home} when set (the launchers set
 * it from {@code --home DIR}), else {@code ~/.certbench}.
 */
public final class StateDirectory {

    /** The system property the launchers set from {@code --home}. */
    public static final String PROPERTY = "certbench.home";

    private StateDirectory() {
    }

    /**
     * {@return CertBench's state directory: {@link #PROPERTY} if set (absolute, normalized), else {@code .certbench} in
     * the user's home; not created here}
     */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".certbench");
    }

    /** A directory of one area below the root, e.g. {@code area("truststore")}. Not created here. */
    public static Path area(String name) {
        return root().resolve(name);
    }
}
