package org.certbench.renewal.internal;

import java.nio.file.Path;

import org.certbench.core.HomeLock;

/** The files of {@code <home>/renewal/}: the policies, the adopted agents, the failed attempts, and their lock. */
record RenewalHome(SettingsFile policies, SettingsFile adopted, Attempts attempts, Path directory) {

    static RenewalHome in(Path directory) {
        HomeLock lock = new HomeLock(directory.resolve("renewal.lock")); //$NON-NLS-1$
        return new RenewalHome(new SettingsFile(directory.resolve("policies.properties"), lock), //$NON-NLS-1$
                new SettingsFile(directory.resolve("adopted.properties"), lock), //$NON-NLS-1$
                new Attempts(new SettingsFile(directory.resolve("attempts.properties"), lock)), //$NON-NLS-1$
                directory);
    }
}
