package org.certbench.agent.state;

import java.io.IOException;

import org.certbench.crypto.CertBenchCryptoException;

/** Work done while holding the state directory's lock (see {@link IdentityStore#change}). */
@FunctionalInterface
public interface StateChange<T> {
    T run() throws IOException, CertBenchCryptoException;
}
