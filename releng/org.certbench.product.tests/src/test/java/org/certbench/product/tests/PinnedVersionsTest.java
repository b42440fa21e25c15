package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * BouncyCastle's and the native provider's versions are pinned in one place, the root pom's properties: the products
 * ship exactly those, no build file names a version of them in its own words, and the bundles' lower bounds (in a
 * MANIFEST.MF or a pde.bnd, which cannot read the pom's properties) are those versions.
 */
class PinnedVersionsTest {

    private static final String BOUNCYCASTLE = System.getProperty("certbench.bouncycastle.version");
    private static final String ACCP = System.getProperty("certbench.accp.version");
    private static final Pattern PINNED = Pattern.compile(
            "<artifactId>(bc\\w+-jdk18on|AmazonCorrettoCryptoProvider)</artifactId>\\s*<version>([^<]*)</version>");

    private static final Pattern BOUNCYCASTLE_BOUND = Pattern.compile(
            "\\b(bcprov|bcpkix|bcutil)\\s*;\\s*bundle-version\\s*=\\s*\"?[\\[(]?\\s*([0-9.]+)");
    private static final Pattern ACCP_BOUND = Pattern.compile(
            "\\bcom\\.amazon\\.corretto\\.crypto\\.provider\\s*;[^,]*?\\bversion\\s*=\\s*\"?[\\[(]?\\s*([0-9.]+)");

    private static final Pattern PROPERTY = Pattern.compile("<(bouncycastle|accp)\\.version>[^<]*<");

    @Test
    void theProductsShipThePinnedVersionsOnly() throws IOException {
        for (Path product : List.of(Products.WORKBENCH, Products.SHELL)) {
            for (String library : List.of("bcprov", "bcpkix", "bcutil")) {
                assertEquals(List.of(library + "_" + BOUNCYCASTLE + ".0.jar"), plugins(product, library + "_"));
            }
            assertEquals(List.of("software.amazon.cryptools.AmazonCorrettoCryptoProvider_" + ACCP + ".jar"),
                    plugins(product, "software.amazon.cryptools.AmazonCorrettoCryptoProvider_"));
        }
    }

    @Test
    void noBuildFileNamesAVersionOfItsOwn() throws IOException {
        List<String> pins = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Products.REPOSITORY)) {
            for (Path file : files.filter(PinnedVersionsTest::isBuildFile).toList()) {
                String text = Files.readString(file);
                Matcher property = PROPERTY.matcher(text);
                while (property.find() && !file.equals(Products.REPOSITORY.resolve("pom.xml"))) {
                    pins.add(Products.REPOSITORY.relativize(file) + ": " + property.group());
                }
                Matcher pinned = PINNED.matcher(text);
                while (pinned.find()) {
                    String expected = pinned.group(1).startsWith("bc") ? "${bouncycastle.version}" : "${accp.version}";
                    if (!pinned.group(2).strip().equals(expected)) {
                        pins.add(Products.REPOSITORY.relativize(file) + ": " + pinned.group(1) + " " + pinned.group(2));
                    }
                }
            }
        }
        assertEquals(List.of(), pins, "pin them in the root pom.xml's properties only");
    }

    @Test
    void theBundlesLowerBoundsAreThePinnedVersions() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<String> bouncyCastleBounds = new ArrayList<>();
        List<String> accpBounds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Products.REPOSITORY)) {
            for (Path file : files.filter(PinnedVersionsTest::isBundleDescription).toList()) {
                String text = unfolded(Files.readString(file));
                String name = Products.REPOSITORY.relativize(file).toString();
                Matcher bouncyCastle = BOUNCYCASTLE_BOUND.matcher(text);
                while (bouncyCastle.find()) {
                    bouncyCastleBounds.add(name);
                    if (!osgi(bouncyCastle.group(2)).equals(osgi(BOUNCYCASTLE))) {
                        wrong.add(name + ": " + bouncyCastle.group(1) + " " + bouncyCastle.group(2));
                    }
                }
                Matcher accp = ACCP_BOUND.matcher(text);
                while (accp.find()) {
                    accpBounds.add(name);
                    if (!osgi(accp.group(1)).equals(osgi(ACCP))) {
                        wrong.add(name + ": com.amazon.corretto.crypto.provider " + accp.group(1));
                    }
                }
            }
        }
        // a pattern that no longer finds the bounds would let any version through
        assertTrue(bouncyCastleBounds.stream().anyMatch(name -> name.startsWith("bundles/org.certbench.crypto/")),
                bouncyCastleBounds.toString());
        assertTrue(accpBounds.stream().anyMatch(name -> name.startsWith("bundles/org.certbench.crypto/")),
                accpBounds.toString());
        assertEquals(List.of(), wrong, "the lower bounds are the root pom's bouncycastle.version and accp.version");
    }

    /** A MANIFEST.MF's continuation lines and a pde.bnd's backslash-continued lines joined. */
    private static String unfolded(String text) {
        return text.replace("\r", "").replace("\\\n", "").replace("\n ", "");
    }

    /** 1.87 and 1.87.0 are the same OSGi version. */
    private static String osgi(String version) {
        String[] parts = version.split("\\.");
        return (parts.length > 0 ? parts[0] : "0") + "." + (parts.length > 1 ? parts[1] : "0") + "."
                + (parts.length > 2 ? parts[2] : "0");
    }

    private static boolean isBundleDescription(Path file) {
        String name = file.getFileName().toString();
        String path = file.toString();
        return (name.equals("pde.bnd") || name.equals("MANIFEST.MF") && path.endsWith("/META-INF/MANIFEST.MF"))
                && !path.contains("/target/") && !path.contains("/.git/");
    }

    private static boolean isBuildFile(Path file) {
        String name = file.getFileName().toString();
        String path = file.toString();
        return (name.equals("pom.xml") || name.endsWith(".target")) && !path.contains("/target/")
                && !path.contains("/.git/");
    }

    private static List<String> plugins(Path product, String prefix) throws IOException {
        try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
            return plugins.map(plugin -> plugin.getFileName().toString()).filter(name -> name.startsWith(prefix))
                    .sorted().toList();
        }
    }
}
