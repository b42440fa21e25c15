package org.certbench.product.tests;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** A bundle manifest for a test of the build's checks: a symbolic name and the headers the test is about. */
final class TestManifest {

    private final Map<String, String> headers = new LinkedHashMap<>();

    private TestManifest(String symbolicName) {
        headers.put("Bundle-SymbolicName", symbolicName);
    }

    /** A bundle named {@code symbolicName} (with its directives, e.g. {@code ;singleton:=true}). */
    static TestManifest bundle(String symbolicName) {
        return new TestManifest(symbolicName);
    }

    /** A header whose clauses are joined by commas. */
    TestManifest with(String header, String... clauses) {
        headers.put(header, String.join(",", clauses));
        return this;
    }

    TestManifest version(String version) {
        return with("Bundle-Version", version);
    }

    TestManifest fragmentOf(String host) {
        return with("Fragment-Host", host);
    }

    TestManifest imports(String... clauses) {
        return with("Import-Package", clauses);
    }

    TestManifest exports(String... clauses) {
        return with("Export-Package", clauses);
    }

    Manifest build() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        return manifest;
    }
}
