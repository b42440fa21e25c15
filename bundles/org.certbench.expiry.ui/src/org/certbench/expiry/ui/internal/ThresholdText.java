package org.certbench.expiry.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;

/** The thresholds of a kind as an administrator types them: days, separated by commas or spaces ("90, 30, 7, 1"). */
final class ThresholdText {

    private ThresholdText() {
    }

    static String format(List<Integer> days) {
        return days.stream().map(String::valueOf).collect(Collectors.joining(", ")); //$NON-NLS-1$
    }

    /**
     * The days typed, in the order typed (the service checks their range); an empty text is an empty list, which
     * puts the defaults back.
     *
     * @throws IllegalArgumentException naming the kind and the word that is not a whole number of days
     */
    static List<Integer> parse(String kindName, String text) {
        List<Integer> days = new ArrayList<>();
        for (String word : text.strip().split("[,;\\s]+")) { //$NON-NLS-1$
            if (word.isEmpty()) {
                continue;
            }
            try {
                days.add(Integer.valueOf(word));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(NLS.bind(Messages.Settings_notDays, kindName, word), e);
            }
        }
        return days;
    }
}
