package org.certbench.issuers.acme;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AcmeIssuers#add} configures.
 *
 * @param name the issuer's name: letters, digits, '.', '_' and '-'
 * @param directory the ACME server's directory URL ({@code https://…/directory})
 * @param email the contact address registered with the account, or empty
 * @param agreeToTerms whether the administrator agreed to the server's terms of service (asked for explicitly)
 * @param externalAccount the External Account Binding a CA that requires one gave, or empty
 * @param challenge how {@code http-01} challenges are answered when a request brings no responder of its own
 */
public record AcmeIssuerSettings(String name, URI directory, Optional<String> email, boolean agreeToTerms,
        Optional<ExternalAccount> externalAccount, HttpChallenge challenge) {

    /** Refuses null components. */
    public AcmeIssuerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(externalAccount, "externalAccount");
        Objects.requireNonNull(challenge, "challenge");
    }

    /**
     * An External Account Binding: the key identifier and the file holding the MAC key (base64url, as CAs hand it
     * out); the key is read from the file when the account is registered, never stored or printed by CertBench.
     *
     * @param keyId the key identifier the CA gave
     * @param hmacKeyFile the file holding the MAC key
     */
    public record ExternalAccount(String keyId, Path hmacKeyFile) {

        /** Refuses null components. */
        public ExternalAccount {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(hmacKeyFile, "hmacKeyFile");
        }
    }

    /** How {@code http-01} challenges are answered. */
    public sealed interface HttpChallenge permits Webroot, Standalone {
    }

    /**
     * Key authorisations written under {@code directory/.well-known/acme-challenge/}, which the host's web server
     * serves.
     *
     * @param directory the web server's document root for the names
     */
    public record Webroot(Path directory) implements HttpChallenge {

        /** Refuses a null directory. */
        public Webroot {
            Objects.requireNonNull(directory, "directory");
        }
    }

    /**
     * A listener CertBench opens for the time of validation, answering only the pending tokens' paths.
     *
     * @param bindAddress the address to listen on: {@code *} for all addresses, IPv6 and IPv4 (the CA validates at
     *        whatever the name resolves to, an AAAA record first for Let's Encrypt); {@code 0.0.0.0} is IPv4's only
     * @param port the port, 80 unless the CA validates elsewhere (ports below 1024 need privilege)
     */
    public record Standalone(String bindAddress, int port) implements HttpChallenge {

        /** Refuses a null address and a port outside 1 to 65535. */
        public Standalone {
            Objects.requireNonNull(bindAddress, "bindAddress");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("a port is between 1 and 65535");
            }
        }
    }
}
