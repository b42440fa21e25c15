package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * ship exactly those, and no build file names a version of them in its own words.
 */
class PinnedVersionsTest {

    private static final String BOUNCYCASTLE = System.getProperty("certbench.bouncycastle.version");
    private static final String ACCP = System.getProperty("certbench.accp.version");
    private static final Pattern PINNED = Pattern.compile(
            "<artifactId>(bc\\w+-jdk18on|AmazonCorrettoCryptoProvider)</artifactId>\\s*<version>([^<]*)</version>");

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
