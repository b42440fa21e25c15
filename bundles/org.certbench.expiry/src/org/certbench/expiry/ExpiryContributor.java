package org.certbench.expiry;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adds a plug-in's certificates to the expiry overview and its staged warnings. Register an implementation as an
 * OSGi service (Declarative Services); its rows appear in the Expiry view, {@code expiry:list} and
 * {@code expiry:check}, with thresholds set for its {@link #kind()}.
 * <p>
 * A certificate that a host service target also serves (the same certificate) is shown once, as that target's
 * {@code host} row, not again as the plug-in's.
 * <p>
 * Called on any thread, possibly concurrently, never on the UI thread; {@link #certificates()} should read what
 * the plug-in has on disk or in memory and not contact thousands of servers.
 */
@ConsumerType
public interface ExpiryContributor {

    /**
     * The kind of its rows: a word as {@link ExpiryKinds#isValid(String)} accepts, not {@code ca}, {@code host} or
     * {@code agent} (a contributor with such a kind is ignored, and said so in the overview's problems).
     */
    String kind();

    /**
     * The certificates to watch now; never {@code null}.
     *
     * @throws Exception when they cannot be read; the overview lists the others and names this failure in words
     *                   (the exception's message) among its problems
     */
    List<ContributedCertificate> certificates() throws Exception; // NOPMD a plug-in's failure of any kind is reported, not thrown on

    /**
     * Reads again what {@link #certificates()} answers from what the plug-in saw last (servers contacted, say): called
     * by {@link ExpiryOverview#check()}, the daily check, just before {@link #certificates()}. The default does
     * nothing, for plug-ins whose certificates are always read fresh.
     *
     * @throws Exception when they cannot be read again; named among the check's problems, and
     *                   {@link #certificates()} is still asked (for what was seen before)
     */
    default void refresh() throws Exception { // NOPMD as certificates()
        // nothing kept: nothing to read again
    }
}
