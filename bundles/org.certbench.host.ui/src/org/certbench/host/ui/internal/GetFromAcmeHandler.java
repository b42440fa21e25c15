package org.certbench.host.ui.internal;

/** Get from ACME CA…: the ACME issuers only. */
public final class GetFromAcmeHandler extends RenewHandler {

    public GetFromAcmeHandler() {
        super(true);
    }
}
