package org.certbench.crypto.internal;

import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * DN formatting, once for the whole product: most specific attribute first ("CN=…, O=…, C=…"), as in
 * RFC 4514 and as Java and Windows show it, with ", " between attributes for readability.
 */
public final class DistinguishedNames {

    private static final DisplayStyle STYLE = new DisplayStyle();

    private DistinguishedNames() {
    }

    public static String display(X500Name name) {
        return STYLE.display(name);
    }

    /** The first Common Name, or empty when the name is empty or has none. */
    public static Optional<String> commonName(X500Name name) {
        for (RDN rdn : name.getRDNs(BCStyle.CN)) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (BCStyle.CN.equals(value.getType())) {
                    return Optional.of(text(value.getValue())).filter(cn -> !cn.isBlank());
                }
            }
        }
        return Optional.empty();
    }

    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String string ? string.getString() : IETFUtils.valueToString(value);
    }

    /** BCStyle keeps its symbol table protected; a subclass is the supported way to reuse it. */
    private static final class DisplayStyle extends BCStyle {

        String display(X500Name name) {
            RDN[] rdns = name.getRDNs();
            StringBuilder out = new StringBuilder();
            for (int i = rdns.length - 1; i >= 0; i--) {
                if (out.length() > 0) {
                    out.append(", ");
                }
                IETFUtils.appendRDN(out, rdns[i], defaultSymbols);
            }
            return out.toString();
        }
    }
}
