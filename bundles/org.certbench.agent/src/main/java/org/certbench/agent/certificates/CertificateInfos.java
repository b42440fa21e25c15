package org.certbench.agent.certificates;

import org.certbench.agents.protocol.CertificateInfo;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.SummaryField;

/** The protocol's view of a certificate, filled from the crypto core's reading of it. */
public final class CertificateInfos {

    private CertificateInfos() {
    }

    public static CertificateInfo of(Certificate certificate) {
        return new CertificateInfo(certificate.pem(), certificate.subject(), certificate.issuer(),
                certificate.summary().fields().get(SummaryField.SERIAL_NUMBER), certificate.notBefore(), certificate.notAfter(),
                certificate.sha256Fingerprint(), certificate.isSelfSigned());
    }
}
