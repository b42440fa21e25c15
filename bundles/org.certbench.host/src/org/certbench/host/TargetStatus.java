package org.certbench.host;

import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;

/**
 * A target as the view and {@code host:show} present it.
 *
 * @param settings       what is set in its properties file
 * @param known          every setting the target understands, with descriptions and defaults
 * @param configured     whether every required setting is set
 * @param served         the chain it serves now, host certificate first; empty when it could not be read (see
 *                       {@code problem}) or the service answers without TLS
 * @param problem        why the served certificate could not be read, or {@code null}
 * @param warnings       what the administrator should act on: names that do not cover this host, expiry soon
 * @param host           this host's names, the ones a certificate must cover
 */
public record TargetStatus(String id, String displayName, TargetSettings settings, List<TargetSetting> known,
        boolean configured, List<Certificate> served, String problem, List<String> warnings, HostIdentity host) {

    /** Copies the lists, so the status stays unchanged; neither may be {@code null}. */
    public TargetStatus {
        known = List.copyOf(known);
        served = List.copyOf(served);
        warnings = List.copyOf(warnings);
    }

    /** The host certificate it serves, or {@code null}. */
    public Certificate certificate() {
        return served.isEmpty() ? null : served.get(0);
    }
}
