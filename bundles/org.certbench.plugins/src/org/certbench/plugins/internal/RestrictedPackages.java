package org.certbench.plugins.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.certbench.plugins.PluginException;
import org.eclipse.osgi.util.ManifestElement;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * CertBench's packages that are no API, as its installed bundles declare them in Export-Package: {@code x-internal}
 * (for no other bundle) or {@code x-friends} (for the bundles named). Equinox resolves imports of them all the same,
 * so a plug-in importing one would install and then break with any CertBench update; it is refused instead.
 */
final class RestrictedPackages {

    private static final String CERTBENCH = "org.certbench."; //$NON-NLS-1$
    private static final String EXPORT_PACKAGE = "Export-Package"; //$NON-NLS-1$
    private static final String IMPORT_PACKAGE = "Import-Package"; //$NON-NLS-1$
    private static final String DYNAMIC_IMPORT = "DynamicImport-Package"; //$NON-NLS-1$

    /** Who exports a restricted package, and to whom (empty: to no one). */
    private record Restriction(String exporter, List<String> friends) {
    }

    private final Map<String, Restriction> restricted = new HashMap<>();

    /** The restricted packages of the given bundles that are CertBench's own (a plug-in's own internals are its affair). */
    RestrictedPackages(Bundle[] bundles, Predicate<Bundle> isPlugin) {
        for (Bundle bundle : bundles) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith(CERTBENCH) || isPlugin.test(bundle)) {
                continue;
            }
            try {
                for (ManifestElement export : elements(EXPORT_PACKAGE, bundle.getHeaders("").get(EXPORT_PACKAGE))) { //$NON-NLS-1$
                    Restriction restriction = restriction(name, export);
                    if (restriction != null) {
                        for (String pkg : export.getValueComponents()) {
                            restricted.put(pkg, restriction);
                        }
                    }
                }
            } catch (BundleException e) {
                // the framework installed it, so it parsed its headers once: nothing to learn from a second failure
            }
        }
    }

    /** Refuses, in words naming the first package, a plug-in that imports a package CertBench keeps to itself. */
    void refuseImports(String plugin, String importPackage, String dynamicImport) throws PluginException {
        refuse(plugin, IMPORT_PACKAGE, importPackage);
        refuse(plugin, DYNAMIC_IMPORT, dynamicImport);
    }

    private void refuse(String plugin, String header, String value) throws PluginException {
        ManifestElement[] imports;
        try {
            imports = elements(header, value);
        } catch (BundleException e) {
            throw new PluginException(plugin + " has a manifest the framework cannot read: " + e.getMessage(), e);
        }
        for (ManifestElement element : imports) {
            for (String pkg : element.getValueComponents()) {
                Restriction restriction = restricted.get(pkg);
                if (restriction != null && !restriction.friends().contains(plugin)) {
                    throw new PluginException(plugin + " imports " + pkg + ", which " + restriction.exporter()
                            + (restriction.friends().isEmpty() ? " keeps internal (x-internal)"
                                    : " exports only to " + String.join(", ", restriction.friends()) + " (x-friends)")
                            + ": a plug-in may use CertBench's API packages only (README, Extending CertBench),"
                            + " anything else changes without notice. Nothing was installed.");
                }
            }
        }
    }

    private static Restriction restriction(String exporter, ManifestElement export) {
        if (Boolean.parseBoolean(export.getDirective("x-internal"))) { //$NON-NLS-1$
            return new Restriction(exporter, List.of());
        }
        String friends = export.getDirective("x-friends"); //$NON-NLS-1$
        return friends == null ? null : new Restriction(exporter, List.of(ManifestElement.getArrayFromList(friends)));
    }

    private static ManifestElement[] elements(String header, String value) throws BundleException {
        ManifestElement[] elements = value == null ? null : ManifestElement.parseHeader(header, value);
        return elements == null ? new ManifestElement[0] : elements;
    }
}
