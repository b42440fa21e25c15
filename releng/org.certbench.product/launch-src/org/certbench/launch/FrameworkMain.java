package org.certbench.launch;

import org.eclipse.core.runtime.adaptor.EclipseStarter;

/**
 * Starts Equinox from the JVM's class path (the launchers' fast start, see bin/framework.sh) and ends the JVM as
 * Equinox's launcher jar does: the framework stopped, then the status the application left in eclipse.exitcode, 0
 * without one, 13 when the start failed. EclipseStarter's own main cannot serve: it keeps the framework and the JVM
 * running after the application ends, whatever osgi.noShutdown says. An exit that writes the class-data sharing
 * archive first waits for the product's threads to pause (see QuietExit).
 */
public final class FrameworkMain {
    private static final String EXIT_CODE = "eclipse.exitcode";
    private static final int START_FAILED = 13;

    private FrameworkMain() {
    }

    /**
     * Runs the application config.ini or the arguments name, then exits.
     *
     * @param args Equinox's command-line arguments (-data, -application, the application's own)
     */
    public static void main(String[] args) {
        if (System.getProperty("eclipse.startTime") == null) {
            System.setProperty("eclipse.startTime", Long.toString(System.currentTimeMillis()));
        }
        QuietExit.install();
        int status;
        try {
            EclipseStarter.run(args, null);
            status = exitCode(System.getProperty(EXIT_CODE));
        } catch (Throwable e) {
            // EclipseStarter has logged what it could; the trace is for a start that failed before its log existed
            e.printStackTrace();
            status = START_FAILED;
        }
        System.exit(status);
    }

    private static int exitCode(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return START_FAILED;
        }
    }
}
