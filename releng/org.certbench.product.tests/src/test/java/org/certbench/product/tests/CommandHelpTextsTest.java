package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The help texts of every command of the shell product and the HAProxy example match the commands: read from
 * the bundles the build made, with their classes loaded side by side (no OSGi needed to read annotations).
 */
class CommandHelpTextsTest {

    @Test
    void everyCommandHasItsTextsAndItsUsageShowsItsOptions() throws Exception {
        List<Path> jars = new ArrayList<>(BundleLayering.productBundles(Products.SHELL));
        try (Stream<Path> plugins = Files.list(Products.SHELL.resolve("plugins"))) {
            List<Path> all = plugins.filter(file -> file.toString().endsWith(".jar")).toList();
            List<Path> classpath = new ArrayList<>(all);
            Path example = Products.REPOSITORY.resolve("examples/org.certbench.example.haproxy");
            Path exampleJar = builtJar(example);
            classpath.add(exampleJar);
            jars.add(exampleJar);
            try (URLClassLoader loader = new URLClassLoader(urls(classpath), null)) {
                List<String> commands = new ArrayList<>();
                List<String> mismatches = new ArrayList<>();
                for (Path jar : jars) {
                    for (CommandHelpTexts.Component component : CommandHelpTexts.components(jar)) {
                        component.functions().forEach(function -> commands.add(component.scope() + ":" + function));
                        mismatches.addAll(CommandHelpTexts.mismatches(component, loader));
                    }
                }
                assertTrue(commands.containsAll(List.of("ca:import", "ca:export", "agent:import", "host:list",
                        "messages:list", "net:proxy", "plugin:list", "certbench:help", "audit:list", "haproxy:status")),
                        "the commands found: " + commands);
                assertEquals(List.of(), mismatches);
            }
        }
    }

    @Test
    void anOptionOfTheUsageThatNoParameterHasIsNamed() throws Exception {
        assertEquals(List.of("test:number's usage shows --force, which is no @Parameter of it []"),
                CommandHelpTexts.mismatches(new CommandHelpTexts.Component("test.jar", "test",
                        List.of("number"), "org.certbench.product.tests.commandhelp", Sample.class.getName()),
                        CommandHelpTextsTest.class.getClassLoader()));
    }

    @Test
    void aUsageLineOfOneWordIsALiteralArgumentNotAnOption() {
        assertEquals(java.util.Set.of("--der"), CommandHelpTexts.options("ID\n--all\n[--der] ID FILE"));
    }

    @Test
    void aFunctionWithoutTextsIsNamed() throws Exception {
        assertEquals(List.of("test:quiet has no quiet in org.certbench.product.tests.commandhelp",
                "test:quiet has no quiet.usage in org.certbench.product.tests.commandhelp"),
                CommandHelpTexts.mismatches(new CommandHelpTexts.Component("test.jar", "test",
                        List.of("quiet"), "org.certbench.product.tests.commandhelp", Sample.class.getName()),
                        CommandHelpTextsTest.class.getClassLoader()));
    }

    public static final class Sample {
        public int number(int n) {
            return n;
        }

        public String quiet() {
            return "";
        }
    }

    private static Path builtJar(Path module) throws IOException {
        try (Stream<Path> files = Files.list(module.resolve("target"))) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar") && !file.toString().endsWith("-sources.jar")).toList();
            assertEquals(1, jars.size(), "the built jar of " + module + ": " + jars);
            return jars.get(0);
        }
    }

    private static URL[] urls(List<Path> jars) throws IOException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        return urls;
    }
}
