package org.certbench.messages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.text.MessageFormat;
import java.util.Locale;

import org.certbench.core.TextBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service texts filled in by {@link TextBundle#fill}: ASCII digits whatever the default locale, as scripts read the
 * shell's output and the logs, and the words a choice picks for a count.
 */
class TextBundleFillTest {

    private static final String PATTERN = "agent:renew failed for {0,number,#} of "
            + "{1,choice,0#0 agents|1#1 agent|1<{1,number,#} agents}:";

    private Locale before;

    @BeforeEach
    void arabicDigitsByDefault() {
        before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG-u-nu-arab"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.FORMAT, before);
    }

    @Test
    void numbersAreAsciiDigitsWhereTheDefaultLocaleWritesOthers() {
        // the defect: MessageFormat in the default locale writes the counts in Arabic-Indic digits
        assertNotEquals("agent:renew failed for 12 of 40 agents:", MessageFormat.format(PATTERN, 12, 40));

        assertEquals("agent:renew failed for 12 of 40 agents:", TextBundle.fill(PATTERN, 12, 40));
    }

    @Test
    void aChoicePicksTheWordsForNoneOneAndMany() {
        assertEquals("agent:renew failed for 0 of 0 agents:", TextBundle.fill(PATTERN, 0, 0));
        assertEquals("agent:renew failed for 1 of 1 agent:", TextBundle.fill(PATTERN, 1, 1));
        assertEquals("agent:renew failed for 2 of 3 agents:", TextBundle.fill(PATTERN, 2, 3));
        assertEquals("no arguments: {0}", TextBundle.fill("no arguments: '{0}'", (Object[]) null));
    }
}
