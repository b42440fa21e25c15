package org.certbench.agent.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.certbench.agents.protocol.Endpoint;
import org.certbench.agents.protocol.JsonObject;
import org.certbench.agents.protocol.ProtocolException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * What a client sends before it is known, and what either side parses from the other: whatever the bytes, the
 * readers end with their own refusal (an {@link HttpProtocolException}, a {@link ProtocolException}, an
 * {@link IOException} for a cut stream), never with another exception, and never take more than their bounds.
 * Stored inputs in {@code ProtocolFuzzTestInputs/<method>/} are replayed by every build.
 */
class ProtocolFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void httpRequest(byte[] input) {
        HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(new ByteArrayInputStream(input)));
        try {
            while (reader.awaitRequest()) {
                HttpRequestHead head = reader.readHead();
                assertTrue(head.path().startsWith("/"), head.path());
                assertTrue(head.path().length() <= Endpoint.MAX_HEAD_BYTES);
                byte[] body = reader.readBody(head);
                assertTrue(body.length <= Endpoint.MAX_REQUEST_BYTES);
            }
        } catch (HttpProtocolException refused) {
            assertTrue(refused.code().httpStatus() >= 400 && refused.code().httpStatus() < 500, refused.getMessage());
            assertTrue(!refused.getMessage().isBlank());
        } catch (IOException cut) {
            // the end of the stream in the middle of a body: a closed connection
        }
    }

    @FuzzTest(maxDuration = "10m")
    void json(byte[] input) {
        try {
            JsonObject.parse(new String(input, StandardCharsets.UTF_8));
        } catch (ProtocolException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
        }
    }
}
