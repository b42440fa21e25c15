package org.certbench.shell.internal;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The headless entry point ({@code -application org.certbench.shell.application}). With a command line
 * it runs that one command and returns its exit status; without one it runs the interactive prompt.
 */
public final class ShellApplication implements IApplication {

    private static final long PROCESSOR_WAIT_SECONDS = 10;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        context.applicationRunning();
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        ShellArguments arguments;
        try {
            arguments = ShellArguments.parse(raw == null ? new String[0] : raw);
        } catch (IllegalArgumentException e) {
            System.err.println("certbench-shell: " + e.getMessage());
            return exit(ExitStatus.USAGE);
        }
        CommandProcessor processor = awaitCommandProcessor();
        if (processor == null) {
            System.err.println("certbench-shell: " //$NON-NLS-1$
                    + NLS.bind(Messages.Shell_noProcessor, PROCESSOR_WAIT_SECONDS));
            return exit(ExitStatus.FAILED);
        }
        BackgroundServices.start(FrameworkUtil.getBundle(getClass()).getBundleContext());
        CommandCatalog catalog = new CommandCatalog(FrameworkUtil.getBundle(getClass()).getBundleContext());
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (arguments.commandLine().isEmpty()) {
            return exit(new InteractiveShell(processor, catalog, System.in, out, err).run());
        }
        return exit(new OneShotCommand(processor, catalog, out, err, arguments.format()).run(arguments.commandLine()));
    }

    @Override
    public void stop() {
        // the application ends when its command returns; nothing to interrupt
    }

    private static Integer exit(int status) {
        // org.eclipse.equinox.launcher.Main exits with this property, not with start()'s return value
        System.setProperty("eclipse.exitcode", Integer.toString(status));
        return status;
    }

    private CommandProcessor awaitCommandProcessor() throws InterruptedException {
        BundleContext bundleContext = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<CommandProcessor, CommandProcessor> tracker = new ServiceTracker<>(bundleContext,
                CommandProcessor.class, null);
        tracker.open();
        try {
            return tracker.waitForService(TimeUnit.SECONDS.toMillis(PROCESSOR_WAIT_SECONDS));
        } finally {
            // the processor service stays registered; the tracker is only how we found it
            tracker.close();
        }
    }
}
