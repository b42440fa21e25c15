package org.certbench.notify.internal.commands;

import java.util.List;

/** What {@code notify:send} did. */
public record DeliveryLine(int queued, int sent, int waiting, List<String> problems) {
}
