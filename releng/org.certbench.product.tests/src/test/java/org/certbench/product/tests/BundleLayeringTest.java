package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's layering check: it reads every bundle's manifest in the repository and fails on a dependency the
 * design forbids. It needs no product, and runs in every {@code ./test}.
 */
class BundleLayeringTest {

    @Test
    void noBundleBreaksTheLayering() throws IOException {
        List<Path> manifests = BundleLayering.manifests(Products.REPOSITORY);
        List<String> violations = new ArrayList<>();
        for (Path manifest : manifests) {
            violations.addAll(BundleLayering.violations(manifest));
        }

        assertTrue(manifests.size() > 20, "the manifests were found: " + manifests);
        assertEquals(List.of(), violations);
    }

    @Test
    void aServiceThatImportsTheShellIsNamed(@TempDir Path dir) throws IOException {
        Path manifest = manifest(dir, "Bundle-SymbolicName: org.certbench.host\n"
                + "Import-Package: org.certbench.core;version=\"[0.1.0,0.2.0)\",\n"
                + " org.certbench.shell;version=\"[0.1.0,0.2.0)\"\n");

        assertEquals(List.of("org.certbench.host depends on org.certbench.shell: only the shell application may; "
                + "throw org.certbench.core.commands.CommandException"), BundleLayering.violations(manifest));
    }

    @Test
    void aPlugInThatRequiresTheShellBundleIsNamed(@TempDir Path dir) throws IOException {
        Path manifest = manifest(dir, "Bundle-SymbolicName: com.example.plugin;singleton:=true\n"
                + "Require-Bundle: org.certbench.shell;bundle-version=\"0.1.0\"\n");

        assertEquals(1, BundleLayering.violations(manifest).size());
    }

    @Test
    void theShellAndItsTestFragmentMayUseTheShell(@TempDir Path dir) throws IOException {
        Path fragment = manifest(dir, "Bundle-SymbolicName: org.certbench.shell.tests\n"
                + "Fragment-Host: org.certbench.shell\nImport-Package: org.certbench.shell.internal\n");

        assertEquals(List.of(), BundleLayering.violations(fragment));
    }

    @Test
    void aUiBundleThatImportsTheProtocolIsNamed(@TempDir Path dir) throws IOException {
        Path manifest = manifest(dir, "Bundle-SymbolicName: org.certbench.agents.ui;singleton:=true\n"
                + "Import-Package: org.certbench.agents.connector;version=\"[0.1.0,0.2.0)\",\n"
                + " org.certbench.agents.protocol;version=\"[0.1.0,0.2.0)\"\n");

        assertEquals(List.of("org.certbench.agents.ui is a UI bundle and depends on org.certbench.agents.protocol: "
                + "use the types of org.certbench.agents.connector"), BundleLayering.violations(manifest));
    }

    @Test
    void theConnectorMaySpeakTheProtocol(@TempDir Path dir) throws IOException {
        Path manifest = manifest(dir, "Bundle-SymbolicName: org.certbench.agents.connector\n"
                + "Import-Package: org.certbench.agents.protocol;version=\"[0.1.0,0.2.0)\"\n");

        assertEquals(List.of(), BundleLayering.violations(manifest));
    }

    @Test
    void versionRangesWithCommasAreOneClause() {
        assertEquals(List.of("a.b", "c.d"),
                BundleLayering.names("a.b;version=\"[0.1.0,0.2.0)\";resolution:=optional,\n c.d"));
    }

    private static Path manifest(Path dir, String headers) throws IOException {
        Path file = dir.resolve("MANIFEST.MF");
        Files.writeString(file, "Manifest-Version: 1.0\n" + headers + "\n");
        return file;
    }
}
