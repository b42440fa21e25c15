package org.certbench.agent;

import java.nio.file.Path;
import java.time.Clock;

import org.certbench.agent.certificates.CertificateManager;
import org.certbench.agent.state.AgentStateDirectory;
import org.certbench.agent.state.IdentityStore;

/**
 * Applies certificates to a state directory in an endless loop until it is killed, for the test that
 * kills it with SIGKILL at arbitrary moments. {@code swap STATE CA CERT} alternates the CA-issued and the
 * self-signed certificate; {@code rekey STATE} makes new keys.
 */
public final class ApplyLoopMain {

    private ApplyLoopMain() {
    }

    public static void main(String[] arguments) throws Exception {
        CertificateManager certificates = new CertificateManager(
                new IdentityStore(AgentStateDirectory.open(Path.of(arguments[1]))), () -> Agents.HOST, Clock.systemUTC());
        certificates.identity();
        System.out.println("looping");
        System.out.flush();
        while (true) {
            if (arguments[0].equals("swap")) {
                certificates.applyIssued(Path.of(arguments[2]), Path.of(arguments[3]), false);
                certificates.applySelfSigned(false);
            } else {
                certificates.applySelfSigned(true);
            }
        }
    }
}
