package org.certbench.agents.connector;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.certbench.crypto.Certificate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The agents this console manages, persisted in {@code <home>/agents/}, and every certificate operation on
 * them. Thread-safe.
 * <p>
 * Connections to agents trust only the certificate pinned for each agent, or a certificate of the CA trusted for
 * it that is bound to that agent: it names the agent's inventory host (SAN DNS name or IP address) or carries the
 * key pinned for it (not the CA trust store; a certificate the same CA issued to another agent is untrusted). They
 * use no proxy; management calls present
 * this console's client certificate ({@link #consoleCertificate()}), status handshakes need none. Every call that changes or asks something
 * of an agent is refused for an agent that is not trusted, with the reason; the {@link AgentResult}
 * carries it.
 */
@ProviderType
public interface AgentFleet {

    /**
     * Adds an agent after a TLS handshake with it, pinning the certificate it presents (or, for a CA-issued
     * one whose CA this console knows, trusting that CA for it), and its key.
     *
     * @param expectedFingerprint the SHA-256 fingerprint the administrator compared out of band (hex, colons
     *                            and case ignored); the add is refused if the agent presents another
     *                            certificate. {@code null} to take what is presented.
     * @return the new agent's status, with the certificate whose fingerprint to show
     * @throws FleetException if the name is taken or invalid, the agent is unreachable, or the fingerprint
     *                        differs
     */
    AgentStatus add(String name, String host, int port, String expectedFingerprint) throws FleetException;

    /**
     * Adds the agents of a CSV file {@code name,host,port} with a header line, concurrently, each as
     * {@link #add} without an expected fingerprint. A line whose agent is already in the inventory with the
     * same host and port succeeds without change, so importing the same file again retries the failed lines.
     *
     * @throws FleetException if the file cannot be read or is not such a CSV file
     */
    BatchResult<AgentStatus> importCsv(Path csvFile, BatchMonitor monitor) throws FleetException;

    /**
     * Reads a CSV file as {@link #importCsv} would, and adds nothing: one line per agent line of the file, each good
     * or with its problem in words (a preview). Contacts no agent.
     *
     * @throws FleetException if the file cannot be read or is not such a CSV file (too large, not UTF-8, no
     *                        {@code name,host,port} header)
     * @since 1.5
     */
    List<CsvAgentLine> readCsv(Path csvFile) throws FleetException;

    /**
     * Adds the agents of lines {@link #readCsv} read, as {@link #importCsv} adds those of its file, without reading
     * any file again: an import after a preview adds what the preview showed, even when the file changed since. A
     * line with a problem fails with that problem, as in {@link #importCsv}.
     *
     * @param lines the lines a preview showed, in their order
     * @since 1.6
     */
    BatchResult<AgentStatus> importLines(List<CsvAgentLine> lines, BatchMonitor monitor);

    /** Removes the agent and what this console trusts for it. */
    AgentEntry remove(String name) throws FleetException;

    /** The inventory, sorted by name (no connection is made). */
    List<AgentEntry> list();

    /**
     * The registered agent of this name (names are case-sensitive); never {@code null}.
     * @throws FleetException if no agent has this name
     */
    AgentEntry get(String name) throws FleetException;

    /**
     * The certificate each agent of the inventory presented at its last live status ({@link #status},
     * {@link #refresh}, by this or another process on the same home), and when; kept in the home, so no connection
     * is made. An agent not reached since it was added is absent. Sorted by agent name.
     *
     * @since 1.1
     */
    List<SeenCertificate> lastSeen();

    /**
     * Whether {@code agent} presenting {@code presented} at {@code at} is trusted, by the one rule every connection
     * to it follows (pinned certificate, or its trusted CA bound to it; revocations included); no connection is
     * made. What overviews built from {@link #lastSeen()} report, without a handshake each.
     *
     * @since 1.2
     */
    boolean trusts(AgentEntry agent, Certificate presented, Instant at);

    /** The live status of one agent (one TLS handshake). */
    AgentStatus status(String name) throws FleetException;

    /**
     * The live status of each agent, handshakes run concurrently. An unreachable or untrusted agent is a
     * successful result with that {@link TrustState}; only an unknown name fails.
     */
    BatchResult<AgentStatus> refresh(Collection<String> names, BatchMonitor monitor);

    /**
     * "Trust this certificate": for each agent, pins the self-signed certificate it presents now, or trusts
     * the CA that issued its CA-issued certificate (a CA this console knows from {@link #addKnownCa},
     * verification or application of certificates; a CA-issued certificate of an unknown CA is pinned as it
     * is instead), and pins the presented certificate's key. An agent trusted today by its pinned CA-issued
     * certificate switches to trusting that certificate's CA once the CA is known.
     */
    BatchResult<TrustChange> trust(Collection<String> names, BatchMonitor monitor);

    /**
     * As {@link #trust}, for certificates an administrator confirmed: an agent that presents another
     * certificate than the SHA-256 fingerprint confirmed for it (hex, colons and case ignored) fails, so
     * that nothing is trusted that was not shown.
     */
    BatchResult<TrustChange> trustConfirmed(Map<String, String> confirmedFingerprints, BatchMonitor monitor);

    /**
     * Makes {@code caFile}'s CA certificate known, so that {@link #trust} can trust it for agents whose
     * certificates it issued.
     */
    Certificate addKnownCa(Path caFile) throws FleetException;

    /**
     * Asks each agent for a CSR (made on the agent with its own key; CN and SANs are the agent's FQDN,
     * hostname and static IPs) and writes it to {@code directory} as {@code NAME.csr}, the name made safe
     * for a file name ({@link AgentResult#value()} says which file).
     */
    BatchResult<CsrFile> generateCsrs(Collection<String> names, CsrSubject subject, Path directory,
            BatchMonitor monitor);

    /**
     * "Verify Files": finds each agent's certificate among the {@code .crt .cer .pem .der} files of
     * {@code directory} (DER or PEM) by the agent's public key, the file name being only a hint, and checks
     * it was issued by the CA of {@code caFile}, certifies the agent's key, is inside its validity and
     * allows Server Authentication. Files that cannot be read are {@link BatchResult#notices()}; a CA file
     * that cannot be used fails every agent with the reason. The agents are contacted first (concurrently),
     * then the files are matched: the monitor hears of the results once the handshakes are done.
     */
    BatchResult<VerifiedCertificate> verifyCertificates(Collection<String> names, Path caFile, Path directory,
            BatchMonitor monitor);

    /**
     * "Apply Certificates": verifies as {@link #verifyCertificates} (the files may have changed since), sends
     * each verified certificate to its agent and from then on trusts the CA for that agent, then checks by a
     * new handshake that the agent presents it.
     */
    BatchResult<AppliedCertificate> applyCertificates(Collection<String> names, Path caFile, Path directory,
            BatchMonitor monitor);

    /**
     * Renews each agent's certificate through a CA without files: the agent makes a CSR with its key (with
     * {@link ReissueOptions#rekey()} a new key first) naming it as this console reaches it (common name and SAN for
     * its inventory host, plus the names of its current CA-issued certificate; never names from a self-signed one),
     * {@code source} signs it, the certificate passes the checks of {@link #verifyCertificates}, is applied as by
     * {@link #applyCertificates} and confirmed by a new handshake that presents it and is trusted. Any step that fails
     * leaves the agent on its current certificate, and is that agent's result in words; with a new key (of
     * {@link ReissueOptions#keyType()}) the agent keeps its previous pair until that handshake confirms the new one,
     * and is asked to go back to it when the handshake does not (agents of protocol 1.2 and later; older ones are
     * refused in words).
     * <p>
     * A cancel cuts an agent's renewal only until {@code source} is asked: from then on a certificate issued is
     * applied, not thrown away. A source should stop at the batch's cancel itself (bounding its own time); a
     * source's failure after a cancel was asked for is that agent's {@code CANCELED} result, with the source's words.
     *
     * @since 1.1
     */
    BatchResult<AppliedCertificate> reissue(Collection<String> names, ReissueOptions options,
            CertificateSource source, BatchMonitor monitor);

    /**
     * Switches each agent to a self-signed certificate and pins it: without {@code rekey} the one used before
     * a CA-issued certificate (or a new one for the existing key); with {@code rekey} a new key and
     * certificate.
     */
    BatchResult<SelfSignedChange> applySelfSigned(Collection<String> names, boolean rekey, BatchMonitor monitor);

    /**
     * This console's client certificate, which agents must accept ({@code certbench-agent console-authorize});
     * the key and certificate are made on first use.
     */
    Certificate consoleCertificate() throws FleetException;

    /** Writes {@link #consoleCertificate()} to {@code file} as PEM. */
    Certificate exportConsoleCertificate(Path file) throws FleetException;

    /**
     * Tells {@code listener}, on any thread, after another process using the same home (a {@code certbench-shell}
     * beside the workbench) added, changed or removed agents, seen within a few seconds. This process's own changes
     * are answered by the calls that make them.
     */
    void addChangeListener(Runnable listener);

    /**
     * Stops calling a listener added with {@link #addChangeListener(Runnable)}; unknown listeners are ignored.
     * Thread-safe.
     */
    void removeChangeListener(Runnable listener);

    /**
     * Tells {@code listener}, on the thread that made the live statuses ({@link #status}, {@link #refresh}, an add or
     * import), after what {@link #lastSeen()} answers was written; statuses another process on the home made (a
     * one-shot {@code certbench-shell agent:status}) within seconds, on a watch thread, once this process has asked
     * {@link #lastSeen()}. Apart from {@link #addChangeListener}, whose
     * listeners reload the inventory: a view that lists agents and refreshes them would otherwise be told of its own
     * refresh and refresh again. A listener that throws is logged and the others are still told.
     *
     * @since 1.3
     */
    void addSeenListener(Runnable listener);

    /**
     * Stops calling a listener added with {@link #addSeenListener(Runnable)}; unknown listeners are ignored.
     *
     * @since 1.3
     */
    void removeSeenListener(Runnable listener);
}
