package org.certbench.agents.connector;

/**
 * The optional subject attributes of CSRs; empty values are left out. CN and SANs are not here: each agent
 * fills in its FQDN, hostname and static IP addresses.
 */
public record CsrSubject(String organization, String organizationUnit, String country, String state,
        String locality) {

    public static final CsrSubject NONE = new CsrSubject("", "", "", "", "");

    /** Strips the fields; {@code null} counts as empty. */
    public CsrSubject {
        organization = strip(organization);
        organizationUnit = strip(organizationUnit);
        country = strip(country);
        state = strip(state);
        locality = strip(locality);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
