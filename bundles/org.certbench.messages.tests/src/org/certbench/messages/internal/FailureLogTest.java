package org.certbench.messages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;

import org.certbench.core.FailureLog;
import org.junit.jupiter.api.Test;

/**
 * A failure that repeats every look of a watch (a home that cannot be read for an hour) is logged once, again when it
 * changes, and its end once: not a stack trace every two seconds.
 */
class FailureLogTest {

    @Test
    void aRepeatedFailureIsLoggedOnceAndItsEndOnce() {
        RecordedLogger log = new RecordedLogger();
        FailureLog failures = new FailureLog(log);
        Supplier<String> recovered = () -> "readable again";

        failures.succeeded(recovered);
        for (int look = 0; look < 100; look++) {
            failures.failed("cannot read /home/alice/.certbench/truststore: Permission denied", new Exception());
        }
        failures.failed("cannot read /home/alice/.certbench/truststore: Input/output error", new Exception());
        failures.failed("cannot read /home/alice/.certbench/truststore: Input/output error", new Exception());
        failures.succeeded(recovered);
        failures.succeeded(recovered);
        failures.failed("cannot read /home/alice/.certbench/truststore: Permission denied", new Exception());

        assertEquals(List.of("WARNING cannot read /home/alice/.certbench/truststore: Permission denied",
                "WARNING cannot read /home/alice/.certbench/truststore: Input/output error", "INFO readable again",
                "WARNING cannot read /home/alice/.certbench/truststore: Permission denied"), log.lines);
    }
}
