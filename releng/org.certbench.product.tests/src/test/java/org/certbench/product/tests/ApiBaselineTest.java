package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API check beside tycho-baseline-plugin: no API package of the baseline's bundles disappears (removed, made
 * x-internal or friends-only) without a major Bundle-Version bump, and every API bundle is in the baseline or listed as
 * new since it. It runs in every {@code ./test}, over releng/baseline/plugins and the built bundles.
 */
class ApiBaselineTest {

    private static final String MESSAGES_1_0 = "Bundle-SymbolicName: org.certbench.messages\nBundle-Version: 0.1.0.v1\n"
            + "Export-Package: org.certbench.messages;version=\"1.0.0\",org.certbench.messages.internal;version=\"0.1.0\";"
            + "x-internal:=true\n";

    @Test
    void theBuiltApiKeepsEveryPackageOfTheBaseline() throws IOException {
        Map<String, Manifest> baseline = ApiBaseline.baselineBundles(Products.REPOSITORY.resolve("releng/baseline"));
        Map<String, Manifest> built = ApiBaseline.builtApiBundles(Products.REPOSITORY);

        assertTrue(baseline.keySet().containsAll(Set.of("org.certbench.core", "org.certbench.truststore")),
                "the baseline's bundles: " + baseline.keySet());
        assertTrue(built.keySet().containsAll(baseline.keySet()), "built: " + built.keySet());
        assertEquals(List.of(), ApiBaseline.violations(baseline, built, ApiBaseline.NEW_SINCE_BASELINE));
    }

    @Test
    void theShellIsNotInTheBaselineAsItExportsNoApi() throws IOException {
        Map<String, Manifest> baseline = ApiBaseline.baselineBundles(Products.REPOSITORY.resolve("releng/baseline"));

        assertTrue(!baseline.containsKey("org.certbench.shell"), "the baseline's bundles: " + baseline.keySet());
        assertEquals(Map.of(), ApiBaseline.apiPackages(ApiBaseline.builtApiBundles(Products.REPOSITORY)
                .get("org.certbench.shell")));
    }

    @Test
    void anApiPackageRemovedWithAMinorBundleVersionBumpIsNamed() {
        Manifest built = manifest("Bundle-SymbolicName: org.certbench.messages\nBundle-Version: 0.2.0.v2\n"
                + "Export-Package: org.certbench.messages.internal;version=\"0.1.0\";x-internal:=true\n");

        assertEquals(List.of("org.certbench.messages no longer exports org.certbench.messages 1.0.0 as API (it is not "
                + "exported any more), which the API baseline (releng/baseline/) has: withdrawing an API package breaks "
                + "the plug-ins that import it, so it needs a major Bundle-Version bump in "
                + "bundles/org.certbench.messages/pde.bnd (0.1.0 to 1.0.0)"),
                ApiBaseline.violations(manifest(MESSAGES_1_0), built));
    }

    @Test
    void anApiPackageMadeInternalIsNamed() {
        Manifest built = manifest("Bundle-SymbolicName: org.certbench.messages\nBundle-Version: 0.1.1.v2\n"
                + "Export-Package: org.certbench.messages;version=\"1.0.0\";x-internal:=true\n");

        List<String> violations = ApiBaseline.violations(manifest(MESSAGES_1_0), built);
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).startsWith("org.certbench.messages no longer exports org.certbench.messages 1.0.0 "
                + "as API (it is x-internal now)"), violations.get(0));
    }

    @Test
    void anApiPackageForFriendsOnlyIsNamed() {
        Manifest built = manifest("Bundle-SymbolicName: org.certbench.messages\nBundle-Version: 0.1.1.v2\n"
                + "Export-Package: org.certbench.messages;version=\"1.0.0\";x-friends:=\"org.certbench.host,a.b\"\n");

        List<String> violations = ApiBaseline.violations(manifest(MESSAGES_1_0), built);
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).contains("(it is x-friends:=org.certbench.host,a.b now)"), violations.get(0));
    }

    @Test
    void aMajorBundleVersionBumpMayWithdrawAnApiPackage() {
        Manifest built = manifest("Bundle-SymbolicName: org.certbench.messages\nBundle-Version: 1.0.0.v2\n"
                + "Export-Package: org.certbench.messages;version=\"1.0.0\";x-internal:=true\n");

        assertEquals(List.of(), ApiBaseline.violations(manifest(MESSAGES_1_0), built));
    }

    @Test
    void aLowerPackageVersionIsNamed() {
        Manifest built = manifest("Bundle-SymbolicName: org.certbench.messages\nBundle-Version: 1.0.0.v2\n"
                + "Export-Package: org.certbench.messages;version=\"0.9.0\"\n");

        assertEquals(List.of("org.certbench.messages exports org.certbench.messages at 0.9.0, lower than the API "
                + "baseline's 1.0.0 (releng/baseline/): a package version never goes down"),
                ApiBaseline.violations(manifest(MESSAGES_1_0), built));
    }

    @Test
    void aHigherPackageVersionAndANewPackagePass() {
        Manifest built = manifest("Bundle-SymbolicName: org.certbench.messages\nBundle-Version: 0.1.1.v2\n"
                + "Export-Package: org.certbench.messages;version=\"1.1.0\",org.certbench.messages.more;version=\"1.0.0\"\n");

        assertEquals(List.of(), ApiBaseline.violations(manifest(MESSAGES_1_0), built));
    }

    @Test
    void anApiBundleMissingFromTheBaselineIsNamedUnlessNewSinceIt() {
        Map<String, Manifest> built = Map.of("org.certbench.messages", manifest(MESSAGES_1_0),
                "org.certbench.renewal", manifest("Bundle-SymbolicName: org.certbench.renewal\nBundle-Version: 0.1.0\n"
                        + "Export-Package: org.certbench.renewal;version=\"1.0.0\"\n"));

        assertEquals(List.of("org.certbench.renewal exports API [org.certbench.renewal] but is not in the API baseline "
                + "(releng/baseline/): if it is new since the last release, list it in ApiBaseline.NEW_SINCE_BASELINE; "
                + "at a release, run releng/scripts/make-baseline"),
                ApiBaseline.violations(Map.of(), Map.of("org.certbench.renewal", built.get("org.certbench.renewal")),
                        Set.of()));
        assertEquals(List.of(), ApiBaseline.violations(Map.of("org.certbench.messages", manifest(MESSAGES_1_0)), built,
                Set.of("org.certbench.renewal")));
    }

    @Test
    void aBundleWithoutApiNeedsNoBaseline() {
        Manifest shell = manifest("Bundle-SymbolicName: org.certbench.shell;singleton:=true\nBundle-Version: 0.1.0\n"
                + "Export-Package: org.certbench.shell.internal;version=\"0.1.0\";x-internal:=true\n");

        assertEquals(List.of(), ApiBaseline.violations(Map.of(), Map.of("org.certbench.shell", shell), Set.of()));
    }

    @Test
    void aBundleListedAsNewThatTheBaselineHasIsNamed() {
        Map<String, Manifest> both = Map.of("org.certbench.messages", manifest(MESSAGES_1_0));

        assertEquals(List.of("org.certbench.messages is listed in ApiBaseline.NEW_SINCE_BASELINE but the API baseline "
                + "(releng/baseline/) has it: remove it from the list, its API is compared now"),
                ApiBaseline.violations(both, both, Set.of("org.certbench.messages")));
    }

    @Test
    void aBaselineBundleNoLongerBuiltIsNamed() {
        assertEquals(List.of("org.certbench.messages is in the API baseline (releng/baseline/) but no longer built with "
                + "bundles/org.certbench.messages/pde.bnd: removing an API bundle is an incompatible change; at the "
                + "major release that removes it, run releng/scripts/make-baseline"),
                ApiBaseline.violations(Map.of("org.certbench.messages", manifest(MESSAGES_1_0)), Map.of(), Set.of()));
    }

    @Test
    void aMissingBaselineFailsTheCheckInWords(@TempDir Path baseline) {
        IOException failure = assertThrows(IOException.class, () -> ApiBaseline.baselineBundles(baseline));
        assertEquals("the API cannot be compared with its baseline: " + baseline.resolve("plugins")
                + " does not exist (releng/scripts/make-baseline writes it)", failure.getMessage());
    }

    /** A manifest of the given headers (one per line, "Name: value"). */
    static Manifest manifest(String headers) {
        try {
            return new Manifest(new ByteArrayInputStream(("Manifest-Version: 1.0\n" + headers + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
