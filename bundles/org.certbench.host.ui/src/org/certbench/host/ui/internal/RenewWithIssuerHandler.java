package org.certbench.host.ui.internal;

/** Renew with issuer…: any issuer configured for host certificates signs a key made on this host. */
public final class RenewWithIssuerHandler extends RenewHandler {

    public RenewWithIssuerHandler() {
        super(false);
    }
}
