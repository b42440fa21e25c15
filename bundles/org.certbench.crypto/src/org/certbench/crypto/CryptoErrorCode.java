package org.certbench.crypto;

import org.certbench.crypto.internal.Messages;

/**
 * What went wrong, independent of the wording. Callers branch on the code (for example to choose an exit
 * status or a JSON error code) and show {@link CertBenchCryptoException#getMessage()} to the administrator.
 */
public enum CryptoErrorCode {
    /**
     * Message: &ldquo;The file {0} is {1,number,#} bytes long; files over 1 MiB ({2,number,#} bytes) are not
     * read.&rdquo;
     */
    INPUT_TOO_LARGE,
    /** Message: &ldquo;The file {0} could not be read: {1}&rdquo; */
    FILE_UNREADABLE,
    /**
     * Message: &ldquo;The file {0} is not supported. Only files with extensions .pem, .crt, or .der are
     * supported.&rdquo;
     */
    UNSUPPORTED_FILE_TYPE,
    /** Message: &ldquo;The file {0} is empty.&rdquo; */
    EMPTY_INPUT,
    /** Message: &ldquo;The file {0} contains no certificate.&rdquo; */
    NO_CERTIFICATE,
    /**
     * Message: &ldquo;The file {0} contains a private key, not a certificate. Were the certificate and the key given
     * the wrong way round?&rdquo;
     */
    PRIVATE_KEY_INSTEAD_OF_CERTIFICATE,
    /**
     * Message: &ldquo;The file {0} contains a certificate signing request, not a certificate. Submit it to your
     * certification authority and use the certificate it issues.&rdquo;
     */
    CSR_INSTEAD_OF_CERTIFICATE,
    /** Message: &ldquo;The file {0} is neither PEM (text) nor DER (binary) encoded.&rdquo; */
    NOT_PEM_OR_DER,
    /**
     * Message: &ldquo;The file {0} is truncated: it ends after {1} bytes of a {2,number,#}-byte structure.&rdquo;
     * ("1 byte" for one: the counts are choice patterns)
     */
    TRUNCATED_DER,
    /** Message: &ldquo;The file {0} contains a damaged PEM block: {1}&rdquo; */
    DAMAGED_PEM,
    /** Message: &ldquo;The file {0} does not contain a valid X.509 certificate: {1}&rdquo; */
    MALFORMED_CERTIFICATE,
    /** Message: &ldquo;The file {0} contains no private key.&rdquo; */
    NO_PRIVATE_KEY,
    /**
     * Message: &ldquo;The file {0} contains a certificate, not a private key. Were the certificate and the key given
     * the wrong way round?&rdquo;
     */
    CERTIFICATE_INSTEAD_OF_KEY,
    /** Message: &ldquo;The file {0} contains a certificate signing request, not a private key.&rdquo; */
    CSR_INSTEAD_OF_KEY,
    /** Message: &ldquo;The file {0} does not contain a valid private key: {1}&rdquo; */
    MALFORMED_PRIVATE_KEY,
    /** Message: &ldquo;Private keys protected by a passphrase are not supported.&rdquo; */
    PASSPHRASE_PROTECTED_KEY,
    /** Message: &ldquo;The key in {0} uses the algorithm {1}, which is not supported.&rdquo; */
    UNSUPPORTED_KEY_ALGORITHM,
    /**
     * Message: &ldquo;The certificate and the private key were given the wrong way round: {0} holds the private key and
     * {1} the certificate.&rdquo;
     */
    CERTIFICATE_AND_KEY_SWAPPED,
    /** Message: &ldquo;The private key in {1} does not match the certificate in {0}.&rdquo; */
    KEY_MISMATCH,
    /** Message: &ldquo;The file {0} contains no certificate signing request.&rdquo; */
    NO_CSR,
    /** Message: &ldquo;The file {0} does not contain a valid certificate signing request: {1}&rdquo; */
    MALFORMED_CSR,
    /** Message: &ldquo;"{0}" is not a valid subject alternative name: give a host name or an IP address.&rdquo; */
    INVALID_ALTERNATIVE_NAME,
    /** Message: &ldquo;The country must be a two-letter code such as CZ, not "{0}".&rdquo; */
    INVALID_COUNTRY,
    /** Message: &ldquo;The common name must not be empty.&rdquo; */
    EMPTY_COMMON_NAME,
    /** Message: &ldquo;Could not sign with the {0} key: {1}&rdquo; */
    SIGNING_FAILED,
    /** Message: &ldquo;Could not generate a {0} key: {1}&rdquo; */
    KEY_GENERATION_FAILED,
    /** Message: &ldquo;{0} was refused: {1}&rdquo; */
    CERTIFICATE_REJECTED,
    /** Message: &ldquo;not valid before {0}&rdquo; */
    NOT_YET_VALID,
    /** Message: &ldquo;expired on {0}&rdquo; */
    EXPIRED,
    /** Message: &ldquo;not a CA certificate: Basic Constraints extension is missing&rdquo; */
    BASIC_CONSTRAINTS_MISSING,
    /** Message: &ldquo;not a CA certificate: Basic Constraints does not contain CA=true&rdquo; */
    NOT_A_CA,
    /** Message: &ldquo;weak key: {0} with {1,number,#} bits (2048 bits or more recommended)&rdquo; */
    WEAK_KEY,
    /** Message: &ldquo;weak signature algorithm {0}&rdquo; */
    WEAK_SIGNATURE,
    /** Message: &ldquo;the CA certificate {0} is not a valid CA: {1}&rdquo; */
    CA_INVALID,
    /** Message: &ldquo;issued by {0}, not by the CA {1}&rdquo; */
    ISSUER_MISMATCH,
    /** Message: &ldquo;its signature was not made with the key of the CA {0}&rdquo; */
    SIGNATURE_NOT_BY_CA,
    /** Message: &ldquo;it does not match the private key of {0}&rdquo; */
    KEY_NOT_MATCHING_OWNER,
    /** Message: &ldquo;it has no Extended Key Usage extension; Server Authentication is required&rdquo; */
    EXTENDED_KEY_USAGE_MISSING,
    /** Message: &ldquo;its Extended Key Usage ({0}) does not include Server Authentication&rdquo; */
    SERVER_AUTH_MISSING,
    /**
     * Message: &ldquo;its name constraints cannot be read ({0}), so they could not be enforced on the connections it
     * verifies&rdquo;
     */
    NAME_CONSTRAINTS_UNREADABLE,
    /** Message: &ldquo;the server sent no certificate&rdquo; */
    CHAIN_EMPTY,
    /** Message: &ldquo;the server sent {0} certificates; at most {1} are considered&rdquo; */
    CHAIN_TOO_LONG,
    /** Message: &ldquo;{0} was issued by '{1}', which is not in the CA certificates&rdquo; */
    CHAIN_ISSUER_UNKNOWN,
    /**
     * Message: &ldquo;{0} was issued by '{1}', which is not in the CA certificates and which the server did not send
     * either: if it is an intermediate CA, the server's chain is incomplete and the server must send it with its own
     * certificate; if it is a root CA you trust, import it&rdquo;
     */
    CHAIN_ISSUER_NOT_SENT,
    /**
     * Message: &ldquo;{0} names '{1}' as its issuer, but was not signed with the key of the CA certificate '{1}' in the
     * store (SHA-256 {2}): that CA has a new key, or another CA uses the same name&rdquo;
     */
    CHAIN_ANCHOR_KEY_MISMATCH,
    /**
     * Message: &ldquo;{0} names '{1}' as its issuer, but its signature does not verify with the key of the certificate
     * '{1}' the server sent&rdquo;
     */
    CHAIN_BAD_SIGNATURE,
    /** Message: &ldquo;{0} is not valid before {1}&rdquo; */
    CHAIN_NOT_YET_VALID,
    /** Message: &ldquo;{0} expired on {1}&rdquo; */
    CHAIN_EXPIRED,
    /**
     * Message: &ldquo;{0} does not name {1}: it holds no DNS names or IP addresses (subject alternative names), and a
     * name in the Common Name alone is not accepted&rdquo;
     */
    CHAIN_NO_NAMES,
    /** Message: &ldquo;{0} does not name {1}: it holds {2}&rdquo; */
    CHAIN_NAME_MISMATCH,
    /**
     * Message: &ldquo;{0} does not name the address {1}: it holds {2}; {1} is listed there as a DNS name, but an
     * address must be listed as an IP address&rdquo;
     */
    CHAIN_ADDRESS_AS_DNS,
    /**
     * Message: &ldquo;{0} may not be used by a TLS server: its key usage ({1}) allows neither digitalSignature,
     * keyEncipherment nor keyAgreement&rdquo;
     */
    CHAIN_SERVER_KEY_USAGE,
    /**
     * Message: &ldquo;{0} may not be used by a TLS server: its extended key usage ({1}) does not include
     * serverAuth&rdquo;
     */
    CHAIN_SERVER_EXTENDED_KEY_USAGE,
    /**
     * Message: &ldquo;{0} may not be used by a TLS 1.3 server: its key usage ({1}) lacks digitalSignature, which TLS
     * 1.3 requires of every server key (keyEncipherment and keyAgreement serve only the key exchanges of older TLS
     * versions)&rdquo;
     */
    CHAIN_SERVER_KEY_USAGE_TLS13,
    /**
     * Message: &ldquo;{0} may not issue certificates for TLS servers: its extended key usage ({1}) includes neither
     * serverAuth nor anyExtendedKeyUsage&rdquo;
     */
    CHAIN_ISSUER_EXTENDED_KEY_USAGE,
    /**
     * Message: &ldquo;the email address in the subject of {0} is not a text string, so it cannot be checked against the
     * name constraints of {1} and is not trusted&rdquo;
     */
    CHAIN_SUBJECT_EMAIL_UNREADABLE,
    /** Message: &ldquo;{0} signed {1}, but it is not a CA certificate (Basic Constraints: {2})&rdquo; */
    CHAIN_ISSUER_NOT_CA,
    /**
     * Message: &ldquo;{0} signed {1}, but its key usage ({2}) does not allow signing certificates (keyCertSign)&rdquo;
     */
    CHAIN_ISSUER_KEY_USAGE,
    /**
     * Message: &ldquo;{0} allows {1} intermediate CA certificates below it (path length constraint), but the chain has
     * {2}: {3}&rdquo; ("1 intermediate CA certificate" for one)
     */
    CHAIN_PATH_LENGTH,
    /** Message: &ldquo;the name {0} of {1} is outside the name constraints of {2} ({3})&rdquo; */
    CHAIN_NAME_CONSTRAINTS,
    /** Message: &ldquo;the name constraints of {0} cannot be read ({1}), so nothing below it is trusted&rdquo; */
    CHAIN_CONSTRAINTS_UNREADABLE,
    /** Message: &ldquo;{0} carries a critical extension that is not understood ({1})&rdquo; */
    CHAIN_CRITICAL_EXTENSION,
    /** Message: &ldquo;{0} has a key of {2} bits ({1}); outbound connections require at least {3} bits&rdquo; */
    CHAIN_WEAK_KEY,
    /**
     * Message: &ldquo;{0} is signed with {1}, which outbound connections refuse (MD2, MD5 and SHA-1 signatures can be
     * forged)&rdquo;
     */
    CHAIN_WEAK_SIGNATURE,
    /** Message: &ldquo;PKIX path validation refuses {0}: {1}&rdquo; */
    CHAIN_PKIX_REFUSED,
    /**
     * Message: &ldquo;'{0}' is not a SHA-256 fingerprint: {1} is not a hexadecimal digit; give the 64 hexadecimal
     * digits 0-9 and A-F (colons and spaces allowed).&rdquo;
     */
    FINGERPRINT_NOT_HEX,
    /**
     * Message: &ldquo;'{0}' is not a SHA-256 fingerprint: it has {1} hexadecimal digits, a SHA-256 fingerprint has 64
     * (colons and spaces allowed).&rdquo; ("1 hexadecimal digit" for one)
     */
    FINGERPRINT_LENGTH,
    /**
     * Message: &ldquo;'{0}' is a SHA-256 fingerprint in base64, as OpenSSH prints it; give the 64 hexadecimal digits
     * 0-9 and A-F (as openssl x509 -fingerprint -sha256 or keytool -list -v print them).&rdquo;
     */
    FINGERPRINT_BASE64,
    /**
     * Message: &ldquo;The certificate signing request {0} is not signed by the key it contains, so it does not prove
     * that its sender holds that key: it was damaged or altered after it was made. Nothing was signed.&rdquo;
     */
    CSR_SIGNATURE_INVALID,
    /**
     * Message: &ldquo;The certificate signing request {0} asks for {1}, which is not among the names this certificate
     * is for ({2}). Nothing was signed: make the request with those names only.&rdquo;
     */
    CSR_NAME_NOT_REQUESTED,
    /**
     * Message: &ldquo;The certificate signing request {0} is for a {1} key of {2,number,#} bits; only RSA keys of 2048
     * bits or more and EC keys of 256 bits or more are signed.&rdquo;
     */
    CSR_KEY_NOT_SIGNED,
    /** Message: &ldquo;A lifetime of {0} days is not signed; give 1 to {1,number,#} days.&rdquo; */
    LIFETIME_NOT_SIGNED,
    /** Message: &ldquo;The CA {0} signs nothing now: it is valid from {1} to {2}.&rdquo; */
    CA_NOT_VALID_NOW,
    /** Message: &ldquo;The file {0} contains no certificate revocation list.&rdquo; */
    NO_CRL,
    /** Message: &ldquo;The file {0} does not contain a valid certificate revocation list: {1}&rdquo; */
    MALFORMED_CRL,
    /** Message: &ldquo;'{0}' is not a key type: write one of {1}.&rdquo; */
    UNKNOWN_KEY_TYPE;

    /** The administrator's text for this code with the given arguments filled in. */
    public String message(Object... arguments) {
        return Messages.format(name(), arguments);
    }
}
