package org.certbench.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.certbench.crypto.HostIdentity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The host certificates of this machine, over every registered {@link ServiceTarget}. Thread-safe; every
 * method except {@link #targets()} and {@link #host()} may block for seconds (handshakes, key generation,
 * reloads), so UI code calls them from a Job. Plug-ins call this service; they do not implement it.
 * <p>
 * <b>Apply</b> (the last step of {@link #generate} and {@link #upload}): the target installs the pair, keeping
 * the previous one, and reloads; then the service polls the target's handshake for a few seconds until the new
 * certificate is served. If the reload fails or the new certificate is not served, the previous pair is put
 * back, the service is reloaded again, and the exception says what happened and what is served now.
 */
@ProviderType
public interface HostCertificates {

    /** Certificates expiring within this many days get a warning. */
    int EXPIRY_WARNING_DAYS = 30;

    /**
     * The setting of a target that chooses the key {@link #renew} makes: {@code P-256} (the default),
     * {@code P-384}, {@code RSA 2048}, {@code RSA 3072} or {@code RSA 4096}.
     *
     * @since 1.1
     */
    String KEY_TYPE_SETTING = "key.type"; //$NON-NLS-1$

    /**
     * The setting of a target that names what {@link #renew} asks for, comma-separated (DNS names, IP addresses;
     * the first is the common name). When set, these names replace the host identity's for that target and every
     * issuer: a public CA refuses a dotless hostname, so a host whose hostname is not its FQDN gives its names here.
     *
     * @since 1.1
     */
    String NAMES_SETTING = "names"; //$NON-NLS-1$

    /** The targets, sorted by display name. */
    List<TargetSummary> targets();

    /** This host's names and static addresses, which a certificate should cover. */
    HostIdentity host();

    /**
     * The target's settings and the chain it serves now (read by a handshake), with warnings.
     *
     * @throws HostCertificateException {@code UNKNOWN_TARGET}, or {@code SETTINGS_UNAVAILABLE}; a handshake that
     *                                  fails is reported in {@link TargetStatus#problem()}, not thrown
     */
    TargetStatus show(String targetId) throws HostCertificateException;

    /**
     * The settings of a target as they are in its file; nothing is connected to or written.
     *
     * @throws HostCertificateException {@code UNKNOWN_TARGET} or {@code SETTINGS_UNAVAILABLE}
     */
    TargetSettings settings(String targetId) throws HostCertificateException;

    /**
     * Changes settings of a target and stores them. An empty value removes the key (its default applies again).
     *
     * @return the settings as stored now
     * @throws HostCertificateException {@code UNKNOWN_TARGET}, {@code UNKNOWN_SETTING} (naming the keys the
     *                                  target understands), or {@code SETTINGS_UNAVAILABLE}
     */
    TargetSettings configure(String targetId, Map<String, String> changes) throws HostCertificateException;

    /**
     * Generates a key and a self-signed certificate for this host (CN = FQDN, SANs = hostname, FQDN, static IP
     * addresses) and applies them. The UI asks for confirmation first.
     *
     * @throws HostCertificateException when it cannot be applied; the previous pair is served again if the
     *                                  message does not say otherwise
     */
    ApplyResult generate(String targetId) throws HostCertificateException;

    /**
     * As {@link #generate(String)}, saying each step to {@code monitor} and stopping when it is cancelled up to the
     * reload: before anything is written nothing changes; after the files are written and before the reload the
     * previous files are put back (the service was not reloaded, so it serves what it served); after the reload the
     * apply is finished and confirmed, and the result's warnings say the Cancel came too late.
     *
     * @param targetId the target
     * @param monitor  progress and cancellation
     * @return the applied certificate and the chain now served
     * @throws HostCertificateException as {@link #generate(String)}, or {@code CANCELED} saying what is served now
     * @since 1.2
     */
    ApplyResult generate(String targetId, RenewalMonitor monitor) throws HostCertificateException;

    /**
     * Checks a certificate file (PEM or DER; a PEM chain file's further certificates are served as the chain)
     * and a private key file for upload. Refusals and warnings are in the result; nothing is applied.
     */
    UploadCheck check(Path certificateFile, Path keyFile);

    /**
     * {@link #check}s the files and applies them.
     *
     * @throws HostCertificateException {@code REFUSED} with the refusal's words, or when it cannot be applied
     */
    ApplyResult upload(String targetId, Path certificateFile, Path keyFile) throws HostCertificateException;

    /**
     * As {@link #upload(String, Path, Path)}, with progress and cancellation as {@link #generate(String, RenewalMonitor)}
     * has them.
     *
     * @param targetId        the target
     * @param certificateFile the certificate (PEM or DER; a PEM chain file's further certificates are the chain)
     * @param keyFile         its private key
     * @param monitor         progress and cancellation
     * @return the applied certificate and the chain now served
     * @throws HostCertificateException as {@link #upload(String, Path, Path)}, or {@code CANCELED} saying what is
     *                                  served now
     * @since 1.2
     */
    ApplyResult upload(String targetId, Path certificateFile, Path keyFile, RenewalMonitor monitor)
            throws HostCertificateException;

    /**
     * Renews a target's certificate through a CA: makes a key here (it never leaves this host), a CSR for the host
     * identity's names, or the target's {@link #NAMES_SETTING} where set (or those of them given in {@code options}), has {@code signer} sign it, checks what
     * comes back as Verify Files does (it certifies the new key, names every name asked for, chains to the CA
     * certificate returned with it, is within its validity and for TLS servers), then applies it as
     * {@link #generate} does. A failure before the install leaves the target untouched; a failure of the apply puts
     * the previous pair back.
     *
     * @param targetId the target
     * @param options  names and key type
     * @param signer   the CA
     * @param monitor  progress and cancellation (honoured up to the reload, as {@link #generate(String, RenewalMonitor)})
     * @return the applied certificate and the chain now served
     * @throws HostCertificateException {@code REFUSED} for names outside the host identity (or the
     *                                  target's names), {@code INVALID_SETTING} for names that are not names, or a certificate that
     *                                  fails the checks, {@code SIGNING_FAILED}, {@code CANCELED}, or the apply's
     *                                  reasons; always in words, saying what is served now when the apply failed
     * @since 1.1
     */
    ApplyResult renew(String targetId, RenewalOptions options, CertificateSigner signer, RenewalMonitor monitor)
            throws HostCertificateException;
}
