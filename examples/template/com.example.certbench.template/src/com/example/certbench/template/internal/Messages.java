package com.example.certbench.template.internal;

import org.eclipse.osgi.util.NLS;

/** The texts an administrator reads, from messages.properties. */
public final class Messages extends NLS {

    public static String Target_name;
    public static String Target_pemFile;
    public static String Target_unreadable;
    public static String Target_installFailed;
    public static String Target_restoreFailed;
    public static String Target_notConfigured;
    public static String Command_hello;

    static {
        NLS.initializeMessages("com.example.certbench.template.internal.messages", Messages.class); //$NON-NLS-1$
    }

    private Messages() {
    }
}
