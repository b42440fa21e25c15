package org.certbench.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Where the widgets of a started ./certbench are on the screen, for a test that clicks them from outside with
 * xdotool: a plug-in of the test's (src/test/resources/widget-probe/Probe.java, compiled here against the product's
 * SWT) put in the home's plugins/ before the start, which the workbench starts with its own plug-ins and which
 * writes the bounds of the views' tabs and of the tables' column headers to a file every 200 ms.
 */
final class WidgetProbe {

    /** The environment variable that names the probe's file to the workbench. */
    static final String ENVIRONMENT = "CERTBENCH_TEST_WIDGETS";

    private static final String SOURCE = "widget-probe/Probe.java";
    private static final String CLASS = "org.certbench.product.tests.probe.Probe";

    private final Path file;

    private WidgetProbe(Path file) {
        this.file = file;
    }

    /** Builds the probe into {@code home}'s plugins/; the workbench started on that home writes to {@link #file()}. */
    static WidgetProbe installIn(Path home, Path work) throws IOException {
        Path classes = Files.createDirectories(work.resolve("probe-classes"));
        Path source = Files.createDirectories(work.resolve("probe-source")).resolve("Probe.java");
        try (InputStream in = WidgetProbe.class.getClassLoader().getResourceAsStream(SOURCE)) {
            Files.write(source, in.readAllBytes());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("--release", "21", "-d", classes.toString(),
                "-classpath", plugin("org.eclipse.swt.gtk.linux.x86_64_") + ":" + plugin("org.eclipse.osgi_")),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source))
                .call();
        if (!compiled) {
            throw new AssertionError("the widget probe did not compile against the product's SWT: " + errors);
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.certbench.product.tests.probe");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", CLASS);
        main.putValue("Import-Package", "org.osgi.framework,org.eclipse.swt.custom,org.eclipse.swt.graphics,"
                + "org.eclipse.swt.widgets");
        Path jar = Files.createDirectories(home.resolve("plugins")).resolve("org.certbench.product.tests.probe.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream entries = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path compiledClass : files.filter(Files::isRegularFile).toList()) {
                entries.putNextEntry(new JarEntry(classes.relativize(compiledClass).toString()));
                entries.write(Files.readAllBytes(compiledClass));
                entries.closeEntry();
            }
        }
        return new WidgetProbe(work.resolve("widgets.properties"));
    }

    private static Path plugin(String prefix) throws IOException {
        try (Stream<Path> jars = Files.list(Products.WORKBENCH.resolve("plugins"))) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar in the product's plugins/"));
        }
    }

    /** The file the probe writes to: the value of {@link #ENVIRONMENT} for the workbench's process. */
    Path file() {
        return file;
    }

    /**
     * The bounds (x, y, width, height on the screen) the probe gives {@code key} — {@code client} (the window's
     * client area), {@code menubar}, {@code tab.}<i>part id</i>, {@code header.}<i>table id</i>{@code .}<i>column
     * index</i> — once they satisfy {@code expected}, waiting up to 30 s; a failure names what the probe wrote last.
     */
    int[] bounds(String key, Predicate<int[]> expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Properties last = new Properties();
        while (System.nanoTime() < deadline) {
            last = read();
            String value = last.getProperty(key);
            if (value != null) {
                int[] bounds = java.util.Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                if (expected.test(bounds)) {
                    return bounds;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the widget probe gave no " + key + " as expected within 30 s; it wrote " + last);
    }

    /** The middle of {@code key}'s bounds on the screen, once the probe has them. */
    int[] middle(String key) throws IOException, InterruptedException {
        int[] bounds = bounds(key, any -> any[2] > 0 && any[3] > 0);
        return new int[] { bounds[0] + bounds[2] / 2, bounds[1] + bounds[3] / 2 };
    }

    private Properties read() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException notYet) {
            // the workbench has not shown its window yet
        }
        return properties;
    }
}
