package org.certbench.issuers.acme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.certbench.core.LinkSafeDirectory;
import org.certbench.issuers.Challenge;
import org.certbench.issuers.IssuerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webroot's levels are walked from the level above as it is open, never re-opened by path: a link planted at
 * either level is refused, and a level swapped after it was opened is not followed.
 */
class WebrootLinksTest {

    private static final String TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";

    @TempDir
    Path work;

    @Test
    void aLinkPlantedAtEitherLevelIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
        for (String level : List.of(".well-known", ".well-known/acme-challenge")) {
            Path webroot = Files.createDirectories(work.resolve("root-" + level.length()));
            Path elsewhere = Files.createDirectories(work.resolve("elsewhere-" + level.length()));
            Files.createDirectories(webroot.resolve(level).getParent());
            Files.createSymbolicLink(webroot.resolve(level), elsewhere);

            IssuerException refused = assertThrows(IssuerException.class, () -> new WebrootResponder(webroot)
                    .deploy(new Challenge(WebrootResponder.HTTP_01, "www.test", TOKEN, TOKEN + ".thumbprint")));

            assertTrue(refused.getMessage().endsWith(webroot.resolve(level) + " is a link or no directory: "
                    + "nothing is written through it"), refused.getMessage());
            try (Stream<Path> written = Files.list(elsewhere)) {
                assertEquals(List.of(), written.toList(), level);
            }
        }
    }

    @Test
    void aLevelIsOpenedFromTheOpenParentNotByItsPath() throws Exception {
        Path webroot = Files.createDirectories(work.resolve("www"));
        Files.createDirectories(webroot.resolve(".well-known"));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere/.well-known")).getParent();
        try (LinkSafeDirectory root = LinkSafeDirectory.open(webroot)) {
            // the web root's path now leads elsewhere: what was opened is still what is walked
            Path moved = work.resolve("www-moved");
            Files.move(webroot, moved);
            Files.createSymbolicLink(webroot, elsewhere);
            try (LinkSafeDirectory wellKnown = root.openDirectory(".well-known")) {
                wellKnown.write("probe", "x".getBytes(StandardCharsets.US_ASCII), null, null, false);
            }
            assertTrue(Files.exists(moved.resolve(".well-known/probe")));
            assertEquals(List.of(), list(elsewhere.resolve(".well-known")));

            // a level swapped for a link after the parent was opened is refused, not followed
            Files.delete(moved.resolve(".well-known/probe"));
            Files.delete(moved.resolve(".well-known"));
            Files.createSymbolicLink(moved.resolve(".well-known"), elsewhere.resolve(".well-known"));
            IOException swapped = assertThrows(IOException.class, () -> root.openDirectory(".well-known"));
            assertTrue(swapped.getMessage().startsWith(webroot.resolve(".well-known") + " is a symbolic link"),
                    swapped.getMessage());
            assertEquals(null, root.openDirectory("missing"));
        }
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }
}
