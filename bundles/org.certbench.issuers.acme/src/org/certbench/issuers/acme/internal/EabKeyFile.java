package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.certbench.core.SecretFiles;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.eclipse.osgi.util.NLS;

/**
 * The External Account Binding's MAC key, as the CA handed it out (base64url, or standard
 * base64, which is passed on as base64url), from the file the administrator
 * names. It is a secret that can register accounts in the administrator's name, so it is read by core's
 * {@link SecretFiles}: never through a link (which could make CertBench, perhaps as root, send another file's first
 * line to the CA), and only when no one but its owner can read or change it.
 */
final class EabKeyFile {

    static final int MAX_BYTES = 4 * 1024;

    private EabKeyFile() {
    }

    /** @throws IssuerException in words if the file is missing, a link, open to others, too large or no key */
    static String read(Path file) throws IssuerException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            String key = new String(SecretFiles.read(absolute, MAX_BYTES), StandardCharsets.US_ASCII).strip();
            if (key.isEmpty() || !key.matches("[A-Za-z0-9_=+/-]+")) { //$NON-NLS-1$
                throw new IOException(Messages.Add_eabNotBase64);
            }
            // some CAs hand the key out in standard base64; acme4j decodes base64url only
            String url = key.replace('+', '-').replace('/', '_');
            try {
                Base64.getUrlDecoder().decode(url);
            } catch (IllegalArgumentException e) {
                throw new IOException(Messages.Add_eabNotBase64, e);
            }
            return url;
        } catch (IOException e) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Add_eabUnreadable, absolute, e.getMessage()),
                    e);
        }
    }
}
