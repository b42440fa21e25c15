package org.certbench.crypto;

import java.util.List;

/**
 * What goes into a CSR besides the key, as the agent CLI's {@code certificate-create-csr} takes it. Blank
 * values are left out; a blank common name means the host's FQDN and an empty alternative-name list means
 * the host's hostname, FQDN and static IP addresses.
 */
public record CsrOptions(String commonName, String organization, String organizationalUnit, String country,
        String state, String locality, List<SubjectAlternativeName> alternativeNames) {

    public CsrOptions {
        commonName = orEmpty(commonName);
        organization = orEmpty(organization);
        organizationalUnit = orEmpty(organizationalUnit);
        country = orEmpty(country);
        state = orEmpty(state);
        locality = orEmpty(locality);
        alternativeNames = alternativeNames == null ? List.of() : List.copyOf(alternativeNames);
    }

    /** Every default: CN = FQDN, no other attributes, SANs from the host identity. */
    public static CsrOptions defaults() {
        return new CsrOptions("", "", "", "", "", "", List.of());
    }

    public CsrOptions withCommonName(String value) {
        return new CsrOptions(value, organization, organizationalUnit, country, state, locality, alternativeNames);
    }

    public CsrOptions withOrganization(String value) {
        return new CsrOptions(commonName, value, organizationalUnit, country, state, locality, alternativeNames);
    }

    public CsrOptions withOrganizationalUnit(String value) {
        return new CsrOptions(commonName, organization, value, country, state, locality, alternativeNames);
    }

    public CsrOptions withCountry(String value) {
        return new CsrOptions(commonName, organization, organizationalUnit, value, state, locality, alternativeNames);
    }

    public CsrOptions withState(String value) {
        return new CsrOptions(commonName, organization, organizationalUnit, country, value, locality, alternativeNames);
    }

    public CsrOptions withLocality(String value) {
        return new CsrOptions(commonName, organization, organizationalUnit, country, state, value, alternativeNames);
    }

    public CsrOptions withAlternativeNames(List<SubjectAlternativeName> value) {
        return new CsrOptions(commonName, organization, organizationalUnit, country, state, locality, value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
