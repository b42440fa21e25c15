package org.certbench.expiry.ui.internal;

import java.util.List;

import org.certbench.expiry.ExpiryKinds;

/** The words for the built-in kinds; a plug-in's kind is shown as the plug-in names it. */
final class KindNames {

    static final String CA = ExpiryKinds.CA;
    static final String HOST = ExpiryKinds.HOST;
    static final String AGENT = ExpiryKinds.AGENT;
    /** The timeline's first colours go to these, in this order. */
    static final List<String> BUILT_IN = List.of(CA, HOST, AGENT);

    private KindNames() {
    }

    static String of(String kind) {
        return switch (kind) {
        case ExpiryKinds.CA -> Messages.Kind_ca;
        case ExpiryKinds.HOST -> Messages.Kind_host;
        case ExpiryKinds.AGENT -> Messages.Kind_agent;
        default -> kind;
        };
    }
}
