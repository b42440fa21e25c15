package org.certbench.expiry.internal;

import java.util.List;

/**
 * Metrics in Prometheus' text exposition format (0.0.4), as node_exporter's textfile collector reads them.
 *
 * @param text     the lines, each ending in a newline
 * @param series   how many samples it holds
 * @param problems what could not be read, in words (also in {@code text} as comments)
 */
public record PrometheusText(String text, int series, List<String> problems) {

    /** Copies the problems. */
    public PrometheusText {
        problems = List.copyOf(problems);
    }
}
