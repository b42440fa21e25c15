package org.certbench.example.haproxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.core.AtomicFiles;
import org.certbench.crypto.Certificate;
import org.certbench.example.haproxy.internal.Messages;
import org.eclipse.osgi.util.NLS;

/**
 * A file HAProxy reads as {@code ca-file}: the certificates it is to trust, PEM after PEM. What CertBench trusts (an
 * agent's pinned certificate, a CA of its store) is handed to HAProxy this way, for a {@code server} line that checks
 * a backend's certificate ({@code ssl verify required ca-file FILE}) or a {@code bind} line that asks clients for one
 * ({@code ca-file FILE verify required}).
 */
public final class HaproxyCaFile {

    private HaproxyCaFile() {
    }

    /**
     * Writes {@code certificates} to {@code file} (replaced whole or not at all), each once, in the order given.
     *
     * @return how many certificates were written (a certificate given twice is written once)
     * @throws HaproxyException in words, when there is none to write or the file cannot be written
     */
    public static int write(Path file, List<Certificate> certificates) throws HaproxyException {
        Map<String, Certificate> once = new LinkedHashMap<>();
        for (Certificate certificate : certificates) {
            once.putIfAbsent(certificate.sha256Fingerprint(), certificate);
        }
        if (once.isEmpty()) {
            throw new HaproxyException(Messages.CaFile_none, null);
        }
        StringBuilder pem = new StringBuilder();
        for (Certificate certificate : once.values()) {
            // a comment line HAProxy skips, so that an administrator reading the file sees whose each PEM is (a line
            // break in a hostile subject would end the comment)
            pem.append("# ").append(certificate.subject().replaceAll("\\p{Cntrl}", "?")).append('\n') //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                    .append(certificate.pem());
            if (pem.charAt(pem.length() - 1) != '\n') {
                pem.append('\n');
            }
        }
        try {
            AtomicFiles.write(file, pem.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HaproxyException(NLS.bind(Messages.CaFile_notWritten, file, e.getMessage()), e);
        }
        return once.size();
    }

    /**
     * {@return {@code path} as a word of haproxy.cfg: as it is, or in double quotes when it has a space, a quote, a
     * {@code #} or a {@code $} (escaped there, as HAProxy would read {@code $NAME} as an environment variable)}
     */
    public static String configWord(Path path) {
        String text = path.toString();
        if (text.matches("[A-Za-z0-9_./:@%+=,-]+")) { //$NON-NLS-1$
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + '"'; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
    }
}
