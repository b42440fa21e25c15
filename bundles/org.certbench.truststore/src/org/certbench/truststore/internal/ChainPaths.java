package org.certbench.truststore.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.certbench.crypto.Certificate;
import org.certbench.truststore.CertificateChains;
import org.certbench.truststore.ChainLink;
import org.certbench.truststore.ChainLink.Signature;

/** The path-following of {@link CertificateChains}, apart from the service, for a fixed store and time. */
final class ChainPaths {

    private ChainPaths() {
    }

    static List<ChainLink> pathOf(Certificate certificate, List<Certificate> presented, List<Certificate> store,
            Instant now) {
        Set<Certificate> stored = Set.copyOf(store);
        List<Certificate> candidates = Stream.concat(presented.stream(), store.stream()).distinct()
                .collect(Collectors.toList());
        List<ChainLink> path = new ArrayList<>();
        Certificate current = certificate;
        while (current != null) {
            boolean expired = now.isAfter(current.notAfter());
            if (path.size() == CertificateChains.MAX_LENGTH - 1) {
                path.add(new ChainLink(current, stored.contains(current), expired, Signature.NOT_FOLLOWED));
                break;
            }
            Certificate next = null;
            Signature signature;
            if (current.isSelfSigned()) {
                signature = Signature.SELF_SIGNED;
            } else {
                Certificate child = current;
                List<Certificate> named = candidates.stream()
                        .filter(candidate -> candidate.subject().equals(child.issuer()) && !candidate.equals(child))
                        .toList();
                next = named.stream().filter(child::isSignedBy).findFirst().orElse(null);
                signature = next != null ? Signature.VERIFIED
                        : named.isEmpty() ? Signature.ISSUER_NOT_FOUND : Signature.INVALID;
            }
            path.add(new ChainLink(current, stored.contains(current), expired, signature));
            Certificate following = next;
            // a loop of cross-signed certificates ends where it comes back
            current = following != null && path.stream().noneMatch(link -> link.certificate().equals(following))
                    ? following : null;
        }
        return List.copyOf(path);
    }
}
