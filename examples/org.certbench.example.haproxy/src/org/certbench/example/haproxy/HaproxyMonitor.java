package org.certbench.example.haproxy;

import java.util.List;

/**
 * What the running HAProxy serves, read through its runtime API (the {@code admin.socket} of
 * {@code host:configure haproxy}). An OSGi service of this plug-in, used by {@code haproxy:status} and by the
 * HAProxy view of {@code org.certbench.example.haproxy.ui}.
 */
public interface HaproxyMonitor {

    /**
     * Every listener of every frontend and the certificate it serves now. Talks to HAProxy's socket and makes a
     * TLS handshake per listener: call it off the UI thread.
     *
     * @throws HaproxyException in words, when HAProxy is not set up or its socket does not answer
     */
    List<HaproxyFrontend> frontends() throws HaproxyException;
}
