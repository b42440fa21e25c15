package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;

/** How a details view gathers the rows plug-ins contribute, for one certificate and for a selection. */
class ContributedDetailsTest {

    private static final Certificate WEB = certificate("CN=web.example");
    private static final Certificate DB = certificate("CN=db.example");

    /** A contributor as a plug-in would write it: a check of its own, here on the common name. */
    private static final CertificateDetailsContributor INVENTORY = certificate -> List.of(
            new CertificateDetail("Inventory", certificate.commonName().endsWith(".example") ? "listed" : "unknown"),
            new CertificateDetail("Owner", certificate.commonName().startsWith("web") ? "web team" : "db team"));

    private static Certificate certificate(String subject) {
        try {
            return Certificate.fromDer(PkiFixtures.certificate(subject).build(), subject);
        } catch (CertBenchCryptoException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void oneCertificateGetsEveryContributedRowInTheContributorsOrder() {
        CertificateDetailsContributor audit = certificate -> List.of(new CertificateDetail("Audit", "passed"));

        assertEquals(List.of(new CertificateDetail("Inventory", "listed"), new CertificateDetail("Owner", "web team"),
                new CertificateDetail("Audit", "passed")), ContributedDetails.forSelection(List.of(WEB), List.of(INVENTORY, audit)));
    }

    @Test
    void severalCertificatesGetOnlyTheRowsIdenticalForAllOfThem() {
        assertEquals(List.of(new CertificateDetail("Inventory", "listed")),
                ContributedDetails.forSelection(List.of(WEB, DB), List.of(INVENTORY)));
    }

    @Test
    void noContributorsOrNothingToSayGiveNoRows() {
        assertEquals(List.of(), ContributedDetails.forSelection(List.of(WEB), List.of()));
        assertEquals(List.of(), ContributedDetails.forSelection(List.of(WEB), List.of(certificate -> List.of())));
        assertEquals(List.of(), ContributedDetails.forSelection(List.of(WEB), List.of(certificate -> null)));
        assertEquals(List.of(), ContributedDetails.forSelection(List.of(), List.of(INVENTORY)));
    }

    @Test
    void aFailingContributorIsOneRowInWordsAndTheOthersStillShow() {
        CertificateDetailsContributor broken = new CertificateDetailsContributor() {
            @Override
            public List<CertificateDetail> details(Certificate certificate) {
                throw new IllegalStateException("the inventory database is offline");
            }

            @Override
            public String name() {
                return "Inventory check";
            }
        };

        assertEquals(List.of(new CertificateDetail("Inventory check", "could not be worked out: the inventory database is offline"),
                new CertificateDetail("Inventory", "listed"), new CertificateDetail("Owner", "web team")),
                ContributedDetails.forSelection(List.of(WEB), List.of(broken, INVENTORY)));
    }

    @Test
    void aFailingContributorWithoutMessageOrNameIsStillNamed() {
        CertificateDetailsContributor broken = new CertificateDetailsContributor() {
            @Override
            public List<CertificateDetail> details(Certificate certificate) {
                throw new NullPointerException();
            }

            @Override
            public String name() {
                return " ";
            }
        };

        CertificateDetail row = ContributedDetails.forSelection(List.of(WEB), List.of(broken)).get(0);

        assertEquals("could not be worked out: NullPointerException", row.value());
        assertEquals(broken.getClass().getName(), row.label(), "a blank name falls back to the class");
    }

    @Test
    void nullRowsAreLeftOutAndAStopRequestEndsTheQuestions() {
        CertificateDetailsContributor sloppy = certificate -> java.util.Arrays.asList(null,
                new CertificateDetail("Owner", "web team"));
        assertEquals(List.of(new CertificateDetail("Owner", "web team")),
                ContributedDetails.forSelection(List.of(WEB), List.of(sloppy)));

        assertEquals(List.of(), ContributedDetails.forSelection(List.of(WEB, DB), List.of(INVENTORY), () -> true));
    }

    @Test
    void aRowNeedsALabelAndAValue() {
        assertEquals("a certificate detail needs a label",
                assertThrows(IllegalArgumentException.class, () -> new CertificateDetail(" ", "x")).getMessage());
        assertThrows(NullPointerException.class, () -> new CertificateDetail("Owner", null));
    }
}
