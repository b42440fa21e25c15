package org.certbench.app.internal.messages;

import java.util.List;
import java.util.Optional;

import org.certbench.messages.SystemMessage;

/**
 * The messages selected in the System messages view, published in its context for its commands' handlers.
 *
 * @param messages the selected messages, in the table's order
 */
public record MessageSelection(List<SystemMessage> messages) {

    public MessageSelection {
        messages = List.copyOf(messages);
    }

    /** {@return the certificate the one selected message concerns; empty for none or several selected} */
    Optional<CertificateOfMessage> certificate() {
        return messages.size() == 1 ? CertificateOfMessage.of(messages.get(0)) : Optional.empty();
    }
}
