package org.certbench.expiry;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every certificate CertBench knows, and the staged expiry warnings for all of them. Thread-safe; plug-ins call this
 * service, they do not implement it.
 * <p>
 * Rows: the trust store's CA certificates; each configured host service target's served certificate as last seen
 * (read again only when never seen, or when its settings or the files they name changed since); each agent's
 * certificate as seen at the last refresh (the overview never contacts agents); and what every
 * {@link ExpiryContributor} adds. {@link #check()} refreshes agents and host targets.
 * <p>
 * Warnings: for each certificate, one system message per threshold of its kind crossed (the most urgent one only
 * when a check crosses several at once) and one when it has expired, each posted once for that certificate (the
 * message keys are shared by every process on the home). A threshold longer than a third of the certificate's
 * lifetime does not fire. Agents' pinned self-signed certificates raise one summary message for all of them. A
 * certificate a {@link RenewalCoverage} covers raises none.
 */
@ProviderType
public interface ExpiryOverview {

    /**
     * The overview now. Blocks while a host service target not seen yet (or changed since) is asked what it serves
     * (a handshake, seconds at worst), so UI code calls it from a Job. A source that cannot be read is named in {@link ExpiryList#problems()}; this
     * never throws for it.
     */
    ExpiryList rows();

    /**
     * Refreshes every agent (concurrent handshakes) and reads what every host service target serves, then checks
     * every certificate of every kind and posts the messages due. What the daily schedule runs; blocks for as long as the refresh takes.
     */
    CheckResult check();

    /**
     * The warning thresholds of {@code kind} in days, largest first: those set in the home, or the defaults
     * ({@code 90,30,7,1} for CA certificates, {@code 30,7,1} for every other kind). Set thresholds that another
     * process changed are read again.
     *
     * @throws IllegalArgumentException if {@code kind} is not a valid kind ({@link ExpiryKinds#isValid})
     */
    List<Integer> thresholds(String kind);

    /**
     * Stores the thresholds of {@code kind} in the home (under its lock, so other processes see them); an empty list
     * puts the defaults back. Tells the change listeners.
     *
     * @throws ExpiryException if the kind is not valid, a threshold is negative or above 3650 days, or the home
     *                         cannot be written (the message says which and why)
     */
    void setThresholds(String kind, List<Integer> days) throws ExpiryException;

    /**
     * Tells {@code listener}, on any thread, after rows may have changed: a CA certificate added or removed, agents
     * refreshed (here or by any other caller of the fleet in this process, on its thread), a host certificate applied, a contributor added or removed, thresholds set (by this or another
     * process). A listener that throws is logged and the others are still told.
     */
    void addChangeListener(Runnable listener);

    /** Stops calling {@code listener}; an unknown one is ignored. */
    void removeChangeListener(Runnable listener);

    /**
     * The certificates of these warnings: for each key of a system message the staged-warning check posted (in this
     * process or another on the home), what the warning is about, with every certificate it names (a summary's
     * included, as they were when it was posted). Keys that are no expiry warning's are left out; a certificate
     * renewed since is named as far as the key tells ({@link WarnedCertificate#row()} {@code null}). Reads the rows
     * ({@link #rows()}) once when a key names one certificate, so UI code calls it from a Job.
     *
     * @param messageKeys the keys of system messages ({@code null} elements are left out)
     * @return the warnings by key, in the order of {@code messageKeys}; unmodifiable
     * @since 1.1
     */
    Map<String, ExpiryWarning> warnings(Collection<String> messageKeys);
}
