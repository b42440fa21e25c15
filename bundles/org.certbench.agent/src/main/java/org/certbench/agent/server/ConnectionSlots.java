package org.certbench.agent.server;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections, in all and per client address, and hands out a slot only within
 * {@link ConnectionLimits}. A connection without a slot is closed at once, before any TLS work.
 */
final class ConnectionSlots {

    /** Why a connection got no slot. */
    enum Refusal {
        TOTAL, ADDRESS
    }

    /** A connection's place, or the limit that refused it; {@link #close()} gives a place back (once). */
    final class Slot implements AutoCloseable {
        private final InetAddress address;
        private final Refusal refusal;
        private boolean released;

        private Slot(InetAddress address, Refusal refusal) {
            this.address = address;
            this.refusal = refusal;
            this.released = refusal != null;
        }

        /** {@code null} when the connection may go on. */
        Refusal refusal() {
            return refusal;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                release(address);
            }
        }
    }

    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

    ConnectionSlots(ConnectionLimits limits) {
        this.maxTotal = limits.maxConnections();
        this.maxPerAddress = limits.maxConnectionsPerAddress();
    }

    /** A slot for a new connection from {@code address}, or a refused one naming the limit. */
    Slot acquire(InetAddress address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return new Slot(address, Refusal.TOTAL);
        }
        if (!takeAddressSlot(address)) {
            total.decrementAndGet();
            return new Slot(address, Refusal.ADDRESS);
        }
        return new Slot(address, null);
    }

    /**
     * A slot beyond the total, for a connection admitted in place of one just closed to make room (whose slot
     * comes back as its thread ends); the per-address limit still holds.
     */
    Slot acquireInPlaceOfEvicted(InetAddress address) {
        if (!takeAddressSlot(address)) {
            return new Slot(address, Refusal.ADDRESS);
        }
        total.incrementAndGet();
        return new Slot(address, null);
    }

    private boolean takeAddressSlot(InetAddress address) {
        boolean[] granted = new boolean[1];
        perAddress.compute(address, (key, open) -> {
            int count = open == null ? 0 : open;
            if (count >= maxPerAddress) {
                return open;
            }
            granted[0] = true;
            return count + 1;
        });
        return granted[0];
    }

    int open() {
        return total.get();
    }

    int open(InetAddress address) {
        return perAddress.getOrDefault(address, 0);
    }

    private void release(InetAddress address) {
        // an address with no connection left is forgotten: the map is as large as the open connections
        perAddress.computeIfPresent(address, (key, open) -> open <= 1 ? null : open - 1);
        total.decrementAndGet();
    }
}
