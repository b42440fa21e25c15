package org.certbench.shell.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.core.commands.CommandHelp;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The commands registered now, by the names administrators type ({@code ca:import}, not Gogo's {@code _import}),
 * with their texts from each command's own bundle. Gogo's own tools are left to {@code felix:help}.
 */
final class CommandCatalog {

    /** Gogo's and the framework's tool scopes: no CertBench texts, listed by felix:help. */
    private static final Set<String> FRAMEWORK_SCOPES = Set.of("felix", "gogo", "scr", "equinox", "obr"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$

    private final BundleContext context;

    CommandCatalog(BundleContext context) {
        this.context = context;
    }

    List<CommandTexts> all() {
        Map<String, CommandTexts> byName = new LinkedHashMap<>();
        for (ServiceReference<?> reference : references()) {
            Object scope = reference.getProperty(CommandProcessor.COMMAND_SCOPE);
            if (!(scope instanceof String name) || FRAMEWORK_SCOPES.contains(name)) {
                continue;
            }
            ResourceBundle texts = texts(reference);
            for (String function : functions(reference.getProperty(CommandProcessor.COMMAND_FUNCTION))) {
                CommandTexts command = CommandTexts.of(name, function, texts);
                byName.merge(command.name(), command, (first, second) -> first.described() ? first : second);
            }
        }
        return byName.values().stream().sorted(Comparator.comparing(CommandTexts::name)).toList();
    }

    /** {@code ca:import} names one command; {@code import} every command of that name in any scope. */
    List<CommandTexts> named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return all().stream().filter(command -> command.name().equals(wanted)
                || wanted.indexOf(':') < 0 && command.function().equals(wanted)).toList();
    }

    /**
     * The scoped name of a command of Gogo's or the framework's ({@code lb} or {@code felix:lb} gives
     * {@code felix:lb}), which {@code felix:help} explains; empty for any other name.
     */
    Optional<String> toolNamed(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (ServiceReference<?> reference : references()) {
            if (reference.getProperty(CommandProcessor.COMMAND_SCOPE) instanceof String scope
                    && FRAMEWORK_SCOPES.contains(scope)) {
                for (String function : functions(reference.getProperty(CommandProcessor.COMMAND_FUNCTION))) {
                    String scoped = scope + ":" + function.toLowerCase(Locale.ROOT); //$NON-NLS-1$
                    if (wanted.equals(scoped) || wanted.equals(function.toLowerCase(Locale.ROOT))) {
                        return Optional.of(scoped);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private ServiceReference<?>[] references() {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null,
                    "(" + CommandProcessor.COMMAND_SCOPE + "=*)"); //$NON-NLS-1$ //$NON-NLS-2$
            return references == null ? new ServiceReference<?>[0] : references;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> functions(Object property) {
        List<String> functions = new ArrayList<>();
        if (property instanceof String function) {
            functions.add(function);
        } else if (property instanceof String[] array) {
            functions.addAll(List.of(array));
        } else if (property instanceof Collection<?> collection) {
            collection.forEach(function -> functions.add(String.valueOf(function)));
        }
        return functions;
    }

    /** The properties file the component names, through its bundle's class loader; null when it has none. */
    private static ResourceBundle texts(ServiceReference<?> reference) {
        Object baseName = reference.getProperty(CommandHelp.MESSAGES_PROPERTY);
        Bundle bundle = reference.getBundle();
        BundleWiring wiring = bundle == null ? null : bundle.adapt(BundleWiring.class);
        if (!(baseName instanceof String name) || wiring == null || wiring.getClassLoader() == null) {
            return null;
        }
        try {
            return ResourceBundle.getBundle(name, Locale.getDefault(), wiring.getClassLoader());
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
