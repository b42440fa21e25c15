package org.certbench.example.haproxy.internal;

import java.nio.file.Path;
import java.util.List;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateDetail;
import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.crypto.Certificates;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A "HAProxy" row in every certificate details view, saying what the certificate is to HAProxy: its own
 * certificate, a certificate of its chain, or the CA that issued it. Reads only HAProxy's PEM file (a local file,
 * so it is quick); says nothing when HAProxy is not set up or the certificate has nothing to do with it.
 */
@Component(service = CertificateDetailsContributor.class)
public final class HaproxyCertificateDetails implements CertificateDetailsContributor {

    private final HostCertificates host;

    @Activate
    public HaproxyCertificateDetails(@Reference HostCertificates host) {
        this.host = host;
    }

    @Override
    public String name() {
        return Messages.Haproxy_name;
    }

    @Override
    public List<CertificateDetail> details(Certificate certificate) {
        Path file;
        try {
            file = HaproxyOptions.parse(host.settings(HaproxyTarget.ID)).pemFile();
        } catch (HostCertificateException notSetUp) {
            return List.of();
        }
        List<Certificate> chain;
        try {
            chain = Certificates.readAll(file);
        } catch (CertBenchCryptoException e) {
            return List.of(row(NLS.bind(Messages.Details_unreadable, file, e.getMessage())));
        }
        if (chain.isEmpty()) {
            return List.of();
        }
        if (chain.get(0).equals(certificate)) {
            return List.of(row(NLS.bind(Messages.Details_served, file)));
        }
        if (chain.contains(certificate)) {
            return List.of(row(NLS.bind(Messages.Details_inChain, file)));
        }
        if (chain.get(0).isSignedBy(certificate)) {
            return List.of(row(NLS.bind(Messages.Details_issuer, file)));
        }
        return List.of();
    }

    private static CertificateDetail row(String text) {
        return new CertificateDetail(Messages.Haproxy_name, text);
    }
}
