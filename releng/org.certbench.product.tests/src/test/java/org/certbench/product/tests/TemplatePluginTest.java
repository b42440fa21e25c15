package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plug-in author's path: examples/template, copied where nothing of this repository is around, built with its
 * Maven wrapper against the p2 repository this build produced (offline: Maven Central's artifacts are in the local
 * repository by now), installed with plugin:install in the built shell.
 */
class TemplatePluginTest {

    /** Left over from building the template in place; an author's copy has none of them. */
    private static final List<String> BUILD_OUTPUTS = List.of("target", "bin");

    /** The variant's bundle: the template with one import of a CertBench x-internal package in its manifest. */
    private static final String INTERNAL_USE = "com.example.certbench.internaluse";

    /** The variant's bundle: the template with a class using SWT and CertBench's widgets, as a UI plug-in has. */
    private static final String UI = "com.example.certbench.ui";

    @TempDir
    static Path work;

    /** The local Maven repository of this build (Maven Central's artifacts, offline), passed on explicitly. */
    private static final String LOCAL_REPOSITORY = System.getProperty("certbench.localRepository",
            System.getProperty("user.home") + "/.m2/repository");

    /** The template and its variants, built in one child Maven run (it takes most of the time). */
    private static Path project;

    @BeforeAll
    static void buildTheTemplateAndItsVariants() throws Exception {
        project = copy(Products.REPOSITORY.resolve("examples/template"), work.resolve("template"));
        Path p2 = Products.REPOSITORY.resolve("releng/org.certbench.product/target/repository");
        Path variant = copy(project.resolve("com.example.certbench.template"), project.resolve(INTERNAL_USE));
        Path manifest = variant.resolve("META-INF/MANIFEST.MF");
        Files.writeString(manifest, Files.readString(manifest).replace("com.example.certbench.template\n",
                INTERNAL_USE + "\n").replace("Import-Package: ", "Import-Package: org.certbench.host.internal,\n "));
        Path ui = copy(project.resolve("com.example.certbench.template"), project.resolve(UI));
        Path uiManifest = ui.resolve("META-INF/MANIFEST.MF");
        Files.writeString(uiManifest, Files.readString(uiManifest).replace("com.example.certbench.template\n", UI + "\n")
                .replace("Import-Package: ", "Require-Bundle: org.eclipse.swt,org.eclipse.jface\nImport-Package: "
                        + "org.certbench.ui;version=\"[1.0.0,2.0.0)\",\n "));
        Files.writeString(ui.resolve("src/com/example/certbench/template/internal/ExampleView.java"), """
                package com.example.certbench.template.internal;

                /** Compiles against the workbench's API: SWT and CertBench's widgets. */
                final class ExampleView {
                    static Class<?>[] uses() {
                        return new Class<?>[] { org.eclipse.swt.widgets.Composite.class, org.certbench.ui.FieldRows.class };
                    }
                }
                """);
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<module>com.example.certbench.template</module>",
                "<module>com.example.certbench.template</module><module>" + INTERNAL_USE + "</module><module>" + UI
                        + "</module>"));

        // only the p2 repository given: never CertBench bundles another build left in the local Maven repository
        Command.Result build = new Command(project.resolve("mvnw"), "-B", "-o", "-q", "verify",
                "-Dcertbench.repository=" + p2.toUri(), "-Dtycho.localArtifacts=ignore",
                "-Dmaven.repo.local=" + LOCAL_REPOSITORY).in(project).run();
        assertEquals(0, build.status(), build::toString);
    }

    @Test
    void theTemplateBuiltOutsideTheRepositoryInstallsAndItsTargetAndCommandRun() throws Exception {
        Path plugin = project.resolve(
                "com.example.certbench.template/target/com.example.certbench.template-1.0.0-SNAPSHOT.jar");

        Path home = work.resolve("home");
        Command.Result installed = shell(home, "plugin:install " + plugin);
        assertEquals(0, installed.status(), installed::toString);
        Command.Result targets = shell(home, "host:list");
        assertTrue(targets.out().contains("example") && targets.out().contains("Example service"), targets::toString);
        Command.Result help = shell(home, "help");
        assertTrue(help.out().lines().anyMatch(line -> line.contains("example:hello")
                && line.contains("say that the template plug-in runs")), help::toString);
        Command.Result usage = shell(home, "help example:hello");
        assertEquals(0, usage.status(), usage::toString);
        assertTrue(usage.out().contains("example:hello") && usage.out().contains("say that the template plug-in runs"),
                usage::toString);
        Command.Result hello = shell(home, "example:hello");
        assertEquals("The CertBench template plug-in runs.\n", hello.out(), hello::toString);
    }

    @Test
    void aCopyOfTheTemplateImportingAnInternalPackageIsRefusedInWords() throws Exception {
        Path plugin = project.resolve(INTERNAL_USE + "/target/" + INTERNAL_USE + "-1.0.0-SNAPSHOT.jar");
        Path home = work.resolve("home-internal");

        Command.Result refused = shell(home, "plugin:install " + plugin);
        assertEquals(1, refused.status(), refused::toString);
        assertEquals("certbench-shell: " + INTERNAL_USE + " imports org.certbench.host.internal, which org.certbench.host "
                + "keeps internal (x-internal): a plug-in may use CertBench's API packages only (README, Extending "
                + "CertBench), anything else changes without notice. Nothing was installed.\n", refused.err());
        assertEquals("(none)\n", shell(home, "plugin:list").out());
    }

    @Test
    void aUiPlugInBuildsAgainstTheRepositoryAndTheShellLeavesItToTheWorkbench() throws Exception {
        Path plugin = project.resolve(UI + "/target/" + UI + "-1.0.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(plugin), plugin + " was built");

        Command.Result refused = shell(work.resolve("home-ui"), "plugin:install " + plugin);
        assertEquals(1, refused.status(), refused::toString);
        assertTrue(refused.err().startsWith("certbench-shell: " + UI + " is a workbench plug-in"), refused::toString);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (isBuildOutput(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static boolean isBuildOutput(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (BUILD_OUTPUTS.contains(name) || name.startsWith(".polyglot.")) {
                return true;
            }
        }
        return false;
    }

    private static Command.Result shell(Path home, String command) throws Exception {
        return new Command(Products.launcher("certbench-shell"), "--home", home.toString(), command).run();
    }
}
