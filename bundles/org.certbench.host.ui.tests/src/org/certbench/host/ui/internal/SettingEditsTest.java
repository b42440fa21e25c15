package org.certbench.host.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the settings dialog's Save sends: the fields edited in it, not the copy loaded when it opened. */
class SettingEditsTest {

    @Test
    void aKeyAShellSetWhileTheDialogWasOpenIsNotSentBackWhenAnotherKeyIsEdited() {
        // shown when the dialog opened: certificate set, key unset; a shell then set 'key' on disk
        Map<String, String> shown = Map.of("certificate", "/etc/nginx/old.crt", "key", "");
        Map<String, String> typed = Map.of("certificate", "/etc/nginx/new.crt", "key", "");

        assertEquals(Map.of("certificate", "/etc/nginx/new.crt"), SettingEdits.changes(shown, typed),
                "only the edited key: the empty 'key' field would remove the shell's value");
    }

    @Test
    void aFieldEmptiedInTheDialogIsSentSoTheKeyIsRemoved() {
        Map<String, String> shown = Map.of("certificate", "/etc/nginx/old.crt", "key", "/etc/nginx/old.key");
        Map<String, String> typed = Map.of("certificate", "/etc/nginx/old.crt", "key", "");

        assertEquals(Map.of("key", ""), SettingEdits.changes(shown, typed));
    }

    @Test
    void nothingEditedSendsNothing() {
        Map<String, String> shown = Map.of("certificate", "/etc/nginx/old.crt");

        assertEquals(Map.of(), SettingEdits.changes(shown, Map.of("certificate", "/etc/nginx/old.crt")));
    }
}
