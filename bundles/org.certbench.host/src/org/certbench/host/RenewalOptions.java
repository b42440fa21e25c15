package org.certbench.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.certbench.crypto.KeyType;

/**
 * How {@link HostCertificates#renew} makes the request.
 *
 * @param names   the DNS names and IP addresses to ask for, the first being the common name; empty for the host
 *                identity's (hostname, FQDN, static addresses), or the target's {@link HostCertificates#NAMES_SETTING} where
 *                given. Every name must be one of these.
 * @param keyType the key to make, or empty for the target's {@link HostCertificates#KEY_TYPE_SETTING} (P-256 when
 *                unset)
 */
public record RenewalOptions(List<String> names, Optional<KeyType> keyType) {

    /** The host identity's names and the target's key type. */
    public static final RenewalOptions DEFAULT = new RenewalOptions(List.of(), Optional.empty());

    /** Copies the names; refuses null components. */
    public RenewalOptions {
        names = List.copyOf(names);
        Objects.requireNonNull(keyType, "keyType"); //$NON-NLS-1$
    }
}
