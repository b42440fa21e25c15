package org.certbench.host.internal;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.CryptoProblem;
import org.certbench.crypto.CsrOptions;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.IssuedCertificateVerifier;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.UnsupportedKeyException;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SubjectAlternativeName;
import org.certbench.host.CertificateSigner;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.HostCertificates;
import org.certbench.host.RenewalMonitor;
import org.certbench.host.RenewalOptions;
import org.certbench.host.ServerCredentials;
import org.certbench.host.ServiceTarget;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;

/**
 * The steps of a renewal before the apply: key, CSR, the CA, and the checks of what the CA returned. Nothing here
 * touches the target, so any failure leaves it serving what it served.
 */
final class SignedRenewal {

    private SignedRenewal() {
    }

    static ServerCredentials credentials(ServiceTarget target, TargetSettings settings, HostIdentity host,
            RenewalOptions options, CertificateSigner signer, RenewalMonitor monitor, Clock clock)
            throws HostCertificateException {
        List<SubjectAlternativeName> names = names(options, host, settings);
        List<String> nameTexts = names.stream().map(SubjectAlternativeName::value).toList();
        KeyType keyType = options.keyType().isPresent() ? options.keyType().get() : keyType(target, settings);
        step(monitor, NLS.bind(Messages.Renew_makingKey, keyType.displayName(), target.displayName()));
        KeyPair keyPair;
        CertificationRequest csr;
        try {
            keyPair = PrivateKeys.generate(keyType);
            csr = CertificationRequests.create(host,
                    CsrOptions.defaults().withCommonName(nameTexts.get(0)).withAlternativeNames(names), keyPair);
        } catch (CertBenchCryptoException e) {
            throw new HostCertificateException(Reason.GENERATION_FAILED, e.getMessage(), e);
        }
        step(monitor, NLS.bind(Messages.Renew_signing, String.join(", ", nameTexts))); //$NON-NLS-1$
        List<Certificate> chain;
        try {
            chain = signer.sign(csr, nameTexts, monitor);
        } catch (HostCertificateException e) {
            if (e.reason() != Reason.SIGNING_FAILED) {
                throw e;
            }
            throw new HostCertificateException(Reason.SIGNING_FAILED,
                    NLS.bind(Messages.Renew_signerFailed, target.displayName(), e.getMessage()), e);
        } catch (RuntimeException e) {
            // a plug-in's signer failing unexpectedly is still the CA step failing, in the words it has
            throw new HostCertificateException(Reason.SIGNING_FAILED, NLS.bind(Messages.Renew_signerFailed,
                    target.displayName(), String.valueOf(e.getMessage())), e);
        }
        if (chain == null || chain.isEmpty()) {
            throw new HostCertificateException(Reason.SIGNING_FAILED,
                    NLS.bind(Messages.Renew_nothingSigned, target.displayName()));
        }
        step(monitor, Messages.Renew_checking);
        // the time of the check, not of the request: a CA dates a certificate from when it signs
        List<String> problems = problems(chain, keyPair, nameTexts, target, clock.instant());
        if (!problems.isEmpty()) {
            throw new HostCertificateException(Reason.REFUSED, NLS.bind(Messages.Renew_refused,
                    target.displayName(), String.join("; ", problems.stream() //$NON-NLS-1$
                            .map(problem -> problem.endsWith(".") ? problem.substring(0, problem.length() - 1) //$NON-NLS-1$
                                    : problem)
                            .toList())));
        }
        step(monitor, NLS.bind(Messages.Renew_applying, target.displayName()));
        return new ServerCredentials(chain.get(0), chain.subList(1, chain.size()), keyPair);
    }

    /**
     * The target's {@link HostCertificates#NAMES_SETTING} or else the host identity's names (the FQDN first); of
     * these those asked for, if each is one of them.
     */
    static List<SubjectAlternativeName> names(RenewalOptions options, HostIdentity host, TargetSettings settings)
            throws HostCertificateException {
        List<SubjectAlternativeName> own = given(settings);
        if (own.isEmpty()) {
            own = new ArrayList<>(host.subjectAlternativeNames());
            // the FQDN first: it becomes the common name, as Generate's certificate has it
            SubjectAlternativeName fqdn = SubjectAlternativeName.dns(host.fqdn());
            own.remove(fqdn);
            own.add(0, fqdn);
        }
        if (options.names().isEmpty()) {
            return own;
        }
        List<SubjectAlternativeName> asked = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (String text : options.names()) {
            Optional<SubjectAlternativeName> match = own.stream().filter(name -> sameName(name, text)).findFirst();
            if (match.isPresent()) {
                if (!asked.contains(match.get())) {
                    asked.add(match.get());
                }
            } else {
                foreign.add(text);
            }
        }
        if (!foreign.isEmpty()) {
            throw new HostCertificateException(Reason.REFUSED, NLS.bind(Messages.Renew_foreignNames,
                    String.join(", ", foreign), String.join(", ", //$NON-NLS-1$ //$NON-NLS-2$
                            own.stream().map(SubjectAlternativeName::value).toList())));
        }
        return asked;
    }

    /** The names the administrator gave for the target, in their order, without repeats; empty when none. */
    private static List<SubjectAlternativeName> given(TargetSettings settings) throws HostCertificateException {
        Optional<String> value = settings.value(HostCertificates.NAMES_SETTING).filter(text -> !text.isBlank());
        if (value.isEmpty()) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(SubjectAlternativeName.parseList(value.get()).stream().distinct().toList());
        } catch (CertBenchCryptoException e) {
            throw new HostCertificateException(Reason.INVALID_SETTING, NLS.bind(Messages.Renew_badNames,
                    new Object[] { HostCertificates.NAMES_SETTING, settings.file(), e.getMessage() }), e);
        }
    }

    private static boolean sameName(SubjectAlternativeName own, String text) {
        String stripped = text.strip();
        if (own.type() == SubjectAlternativeName.Type.DNS) {
            return own.value().equalsIgnoreCase(stripped);
        }
        try {
            return SubjectAlternativeName.parse(stripped).equals(own);
        } catch (CertBenchCryptoException notAnAddress) {
            return false;
        }
    }

    /** The target's {@link HostCertificates#KEY_TYPE_SETTING}, P-256 when unset. */
    static KeyType keyType(ServiceTarget target, TargetSettings settings) throws HostCertificateException {
        Optional<String> value = settings.value(HostCertificates.KEY_TYPE_SETTING);
        if (value.isEmpty()) {
            return KeyType.DEFAULT;
        }
        try {
            return KeyType.named(value.get());
        } catch (UnsupportedKeyException e) {
            throw new HostCertificateException(Reason.INVALID_SETTING, NLS.bind(Messages.Renew_badKeyType,
                    new Object[] { e.getMessage(), HostCertificates.KEY_TYPE_SETTING, settings.file() }));
        }
    }

    /** Verify Files' rules, the names asked for, and a chain that links up to its last certificate. */
    private static List<String> problems(List<Certificate> chain, KeyPair keyPair, List<String> names,
            ServiceTarget target, Instant now) {
        List<String> problems = new ArrayList<>();
        Certificate issued = chain.get(0);
        if (chain.size() < 2) {
            problems.add(NLS.bind(Messages.Renew_noCa, issued.issuerCommonName()));
        } else {
            IssuedCertificateVerifier.verify(issued, chain.get(1), keyPair.getPublic(), target.displayName(), now)
                    .problems().stream().map(CryptoProblem::message).forEach(problems::add);
            for (int i = 1; i + 1 < chain.size(); i++) {
                Certificate child = chain.get(i);
                Certificate parent = chain.get(i + 1);
                if (!child.issuer().equals(parent.subject()) || !child.isSignedBy(parent)) {
                    problems.add(NLS.bind(Messages.Warning_chainBroken, child.commonName(), parent.commonName()));
                }
            }
        }
        List<String> missing = names.stream().filter(name -> !issued.namesHost(name)).toList();
        if (!missing.isEmpty()) {
            problems.add(NLS.bind(Messages.Renew_namesMissing, String.join(", ", missing))); //$NON-NLS-1$
        }
        return problems;
    }

    private static void step(RenewalMonitor monitor, String text) throws HostCertificateException {
        if (monitor.isCanceled()) {
            throw new HostCertificateException(Reason.CANCELED, Messages.Renew_canceled);
        }
        monitor.subTask(text);
    }
}
