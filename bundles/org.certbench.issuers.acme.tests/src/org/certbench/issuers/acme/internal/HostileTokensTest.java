package org.certbench.issuers.acme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.certbench.issuers.Challenge;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token comes from the CA and names a file in the web root: one that could be a path is refused, never written. */
class HostileTokensTest {

    @TempDir
    Path work;

    @Test
    void aTokenThatCouldBeAPathIsRefusedInWordsAndNothingIsWritten() throws Exception {
        Path webroot = Files.createDirectories(work.resolve("www"));
        for (String token : List.of("../../../../etc/cron.d/x", "..", "/etc/passwd-and-more-than-16",
                "abcdefghijklmnop/../../q", "abcdefghijklmnopq.rst", "abcdefghijklmnop\u0000")) {
            IssuerException refused = assertThrows(IssuerException.class, () -> new WebrootResponder(webroot)
                    .deploy(new Challenge(WebrootResponder.HTTP_01, "www.test", token, token + ".thumbprint")));

            assertEquals(Reason.INVALID_RESPONSE, refused.reason());
            assertEquals("The ACME CA sent a challenge token that is not base64url (" + token + "); it is not "
                    + "written anywhere.", refused.getMessage());
        }
        assertEquals(List.of(), everything(work).stream().filter(path -> !path.equals(webroot)).toList());
    }

    @Test
    void aTokenTooLongToBeOneIsCutInTheMessage() {
        String token = "A".repeat(200);
        IssuerException refused = assertThrows(IssuerException.class, () -> Tokens.requireToken(token));
        assertEquals("The ACME CA sent a challenge token that is not base64url (" + "A".repeat(40) + "…); it is not "
                + "written anywhere.", refused.getMessage());
    }

    private static List<Path> everything(Path directory) throws IOException {
        try (Stream<Path> all = Files.walk(directory)) {
            return all.filter(path -> !path.equals(directory)).toList();
        }
    }
}
