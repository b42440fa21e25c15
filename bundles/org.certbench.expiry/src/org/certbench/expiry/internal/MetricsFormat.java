package org.certbench.expiry.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.certbench.core.ControlCharacters;
import org.certbench.expiry.ExpiryList;
import org.certbench.expiry.ExpiryRow;

/**
 * Writes the overview in Prometheus' text format under the names administrators alert on (after cert-manager's
 * {@code certmanager_certificate_expiration_timestamp_seconds}). Names come from the network (a certificate's
 * Common Name, an agent's name, a plug-in's words): label values are escaped as the format says, and other control
 * characters replaced, so that a hostile name stays one valid series.
 */
final class MetricsFormat {

    static final String NOT_AFTER = "certbench_certificate_not_after_seconds"; //$NON-NLS-1$
    static final String NOT_BEFORE = "certbench_certificate_not_before_seconds"; //$NON-NLS-1$
    static final String TRUSTED = "certbench_agent_trusted"; //$NON-NLS-1$
    static final String REACHABLE = "certbench_agent_reachable"; //$NON-NLS-1$
    static final String LAST_REFRESH = "certbench_agents_last_refresh_timestamp_seconds"; //$NON-NLS-1$
    static final String PROBLEM = "# certbench problem: "; //$NON-NLS-1$

    /** An agent as of the last refresh. */
    record AgentState(String name, boolean trusted, boolean reachable) {
    }

    private final StringBuilder text = new StringBuilder();
    private int series;

    private MetricsFormat() {
    }

    /**
     * The metrics of {@code overview}'s rows and of {@code agents}; {@code lastRefresh} {@code null} when no refresh
     * was noted (its series is then left out).
     */
    static PrometheusText of(ExpiryList overview, List<AgentState> agents, Instant lastRefresh) {
        MetricsFormat format = new MetricsFormat();
        for (String problem : overview.problems()) {
            // never "# HELP " or "# TYPE ": a parser would take the problem for a family's metadata
            format.text.append(PROBLEM).append(oneLine(problem)).append('\n');
        }
        // one series per kind, name and certificate as written: the same certificate twice under one name, or under
        // two names that differ only in a replaced control character, is one sample (a repeated series is an error)
        Set<List<String>> seen = new HashSet<>();
        List<ExpiryRow> rows = overview.rows().stream()
                .filter(row -> seen.add(List.of(escapeLabel(row.kind()), escapeLabel(row.name()),
                        escapeLabel(row.certificate().sha256Fingerprint()))))
                .toList();
        Set<String> agentNames = new HashSet<>();
        List<AgentState> distinctAgents = agents.stream().filter(agent -> agentNames.add(escapeLabel(agent.name())))
                .toList();
        format.family(NOT_AFTER, Messages.Metrics_notAfter);
        rows.forEach(row -> format.certificate(NOT_AFTER, row, row.notAfter()));
        format.family(NOT_BEFORE, Messages.Metrics_notBefore);
        rows.forEach(row -> format.certificate(NOT_BEFORE, row, row.notBefore()));
        if (!distinctAgents.isEmpty()) {
            format.family(TRUSTED, Messages.Metrics_trusted);
            distinctAgents.forEach(agent -> format.agent(TRUSTED, agent.name(), agent.trusted()));
            format.family(REACHABLE, Messages.Metrics_reachable);
            distinctAgents.forEach(agent -> format.agent(REACHABLE, agent.name(), agent.reachable()));
        }
        if (lastRefresh != null) {
            format.family(LAST_REFRESH, Messages.Metrics_lastRefresh);
            format.sample(LAST_REFRESH, "", lastRefresh.getEpochSecond()); //$NON-NLS-1$
        }
        return new PrometheusText(format.text.toString(), format.series, overview.problems());
    }

    private void family(String name, String help) {
        text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n'); //$NON-NLS-1$
        text.append("# TYPE ").append(name).append(" gauge\n"); //$NON-NLS-1$ //$NON-NLS-2$
    }

    private void certificate(String metric, ExpiryRow row, Instant value) {
        sample(metric, "{kind=\"" + escapeLabel(row.kind()) + "\",name=\"" + escapeLabel(row.name()) //$NON-NLS-1$ //$NON-NLS-2$
                + "\",id=\"" + escapeLabel(row.certificate().sha256Fingerprint()) + "\"}", value.getEpochSecond()); //$NON-NLS-1$ //$NON-NLS-2$
    }

    private void agent(String metric, String name, boolean value) {
        sample(metric, "{name=\"" + escapeLabel(name) + "\"}", value ? 1 : 0); //$NON-NLS-1$ //$NON-NLS-2$
    }

    private void sample(String metric, String labels, long value) {
        text.append(metric).append(labels).append(' ').append(value).append('\n');
        series++;
    }

    /** A label value as the format quotes it: backslash, double quote and line feed escaped. */
    static String escapeLabel(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
            case '\\' -> escaped.append("\\\\"); //$NON-NLS-1$
            case '"' -> escaped.append("\\\""); //$NON-NLS-1$
            case '\n' -> escaped.append("\\n"); //$NON-NLS-1$
            default -> escaped.append(replacedControl(c));
            }
        }
        return escaped.toString();
    }

    /** HELP text: the format escapes backslash and line feed there (not quotes). */
    private static String escapeHelp(String help) {
        return oneLine(help.replace("\\", "\\\\")); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** Text for a comment line: no control character may end it or move a reader's terminal. */
    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            line.append(text.charAt(i) == '\n' ? ' ' : replacedControl(text.charAt(i)));
        }
        return line.toString();
    }

    /**
     * A carriage return, escape or bidirectional override is valid in a quoted label, but would reach a terminal or
     * a dashboard as it is: replaced by U+FFFD, which the series' id keeps unique anyway.
     */
    private static char replacedControl(char c) {
        return ControlCharacters.isControl(c) ? '\uFFFD' : c;
    }
}
