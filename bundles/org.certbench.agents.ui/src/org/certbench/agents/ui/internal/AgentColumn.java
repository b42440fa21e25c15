package org.certbench.agents.ui.internal;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The columns of the agents table: title, width, text; every column sorts by its text. */
enum AgentColumn {

    NAME(Messages.Column_name, 160, AgentRow::name),
    ADDRESS(Messages.Column_address, 160, row -> row.entry().address()),
    STATUS(Messages.Column_status, 120, AgentRow::statusText),
    REASON(Messages.Column_reason, 220, AgentRow::reason),
    SUBJECT(Messages.Column_subject, 220, AgentRow::subject),
    ISSUER(Messages.Column_issuer, 220, AgentRow::issuer),
    EXPIRES(Messages.Column_expires, 100, AgentRow::expires),
    SELF_SIGNED(Messages.Column_selfSigned, 80, AgentRow::selfSigned),
    RENEWAL_DUE(Messages.Column_renewalDue, 130, AgentRow::renewalDue);

    final String title;
    final int width;
    final Function<AgentRow, String> text;

    AgentColumn(String title, int width, Function<AgentRow, String> text) {
        this.title = title;
        this.width = width;
        this.text = text;
    }

    Comparator<AgentRow> order() {
        return Comparator.comparing((AgentRow row) -> text.apply(row).toLowerCase(Locale.ROOT))
                .thenComparing(AgentRow::name);
    }
}
