package org.certbench.host.ui.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * What Save sends: only the settings the administrator edited in the dialog. The service changes the file as it is
 * on disk, so a key a shell configured while the dialog was open keeps the shell's value unless it was edited here;
 * sending every field would write back the values loaded when the dialog opened (an empty one removing the key).
 */
final class SettingEdits {

    private SettingEdits() {
    }

    /**
     * @param shown key to the text shown when the dialog loaded the settings ("" for an unset key)
     * @param typed key to the text in the field now
     * @return the keys whose text differs from what was shown, with the text now
     */
    static Map<String, String> changes(Map<String, String> shown, Map<String, String> typed) {
        Map<String, String> changes = new HashMap<>();
        typed.forEach((key, text) -> {
            if (!text.equals(shown.getOrDefault(key, ""))) { //$NON-NLS-1$
                changes.put(key, text);
            }
        });
        return changes;
    }
}
