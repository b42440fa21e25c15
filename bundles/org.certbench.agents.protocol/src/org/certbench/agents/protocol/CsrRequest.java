package org.certbench.agents.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What goes into a CSR besides the agent's key; the names follow the agent CLI's options. Empty values
 * are left out of the CSR: an empty common name means the agent's FQDN, an empty list of alternative
 * names means the agent's hostname, FQDN and static IP addresses.
 *
 * @param alternativeNames host names and IP addresses, optionally prefixed "DNS:" or "IP:"
 */
public record CsrRequest(String commonName, String organization, String organizationUnit, String country,
        String state, String locality, List<String> alternativeNames) {

    /** Turns {@code null} fields into empty ones, so that a request always has all fields. */
    public CsrRequest {
        commonName = orEmpty(commonName);
        organization = orEmpty(organization);
        organizationUnit = orEmpty(organizationUnit);
        country = orEmpty(country);
        state = orEmpty(state);
        locality = orEmpty(locality);
        alternativeNames = alternativeNames == null ? List.of() : List.copyOf(alternativeNames);
    }

    /** Every default: CN = FQDN, no other attributes, SANs from the agent's host identity. */
    public static CsrRequest defaults() {
        return new CsrRequest("", "", "", "", "", "", List.of());
    }

    /** {@return the request body, as {@link Json#write} writes it} */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("commonName", commonName);
        json.put("organization", organization);
        json.put("organizationUnit", organizationUnit);
        json.put("country", country);
        json.put("state", state);
        json.put("locality", locality);
        json.put("alternativeNames", alternativeNames);
        return json;
    }

    /**
     * Reads a request body; missing fields are empty.
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} when a field is ill-typed
     */
    public static CsrRequest fromJson(JsonObject json) throws ProtocolException {
        return new CsrRequest(json.optionalString("commonName"), json.optionalString("organization"),
                json.optionalString("organizationUnit"), json.optionalString("country"), json.optionalString("state"),
                json.optionalString("locality"), json.optionalStringList("alternativeNames"));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
