package org.certbench.crypto;

import java.util.List;

/**
 * What goes into a CSR besides the key, as the agent CLI's {@code certificate-create-csr} takes it. Blank
 * values are left out; a blank common name means the host's FQDN and an empty alternative-name list means
 * the host's hostname, FQDN and static IP addresses.
 */
public record CsrOptions(String commonName, String organization, String organizationalUnit, String country,
        String state, String locality, List<SubjectAlternativeName> alternativeNames) {

    /** Turns {@code null} fields into empty ones and copies the names, so the options stay unchanged. */
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

    /** {@return a copy with this common name} */
    public CsrOptions withCommonName(String value) {
        return new CsrOptions(value, organization, organizationalUnit, country, state, locality, alternativeNames);
    }

    /** {@return a copy with this organization} */
    public CsrOptions withOrganization(String value) {
        return new CsrOptions(commonName, value, organizationalUnit, country, state, locality, alternativeNames);
    }

    /** {@return a copy with this organizational unit} */
    public CsrOptions withOrganizationalUnit(String value) {
        return new CsrOptions(commonName, organization, value, country, state, locality, alternativeNames);
    }

    /** {@return a copy with this country (two letters; checked when the request is built)} */
    public CsrOptions withCountry(String value) {
        return new CsrOptions(commonName, organization, organizationalUnit, value, state, locality, alternativeNames);
    }

    /** {@return a copy with this state or province} */
    public CsrOptions withState(String value) {
        return new CsrOptions(commonName, organization, organizationalUnit, country, value, locality, alternativeNames);
    }

    /** {@return a copy with this locality} */
    public CsrOptions withLocality(String value) {
        return new CsrOptions(commonName, organization, organizationalUnit, country, state, value, alternativeNames);
    }

    /** {@return a copy with these subject alternative names} */
    public CsrOptions withAlternativeNames(List<SubjectAlternativeName> value) {
        return new CsrOptions(commonName, organization, organizationalUnit, country, state, locality, value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
