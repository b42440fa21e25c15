package org.certbench.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.certbench.notify.Delivery;
import org.certbench.notify.Notifications;
import org.certbench.testing.osgi.ServiceLayering;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The notifications are a service of their own: wired to no application bundle (the shell), with Gogo only an
 * optional import for its commands; the component that the workbench and a one-shot shell start is there and
 * delivers (an empty home: nothing to send).
 */
class NotifyLayeringTest {

    private final Bundle bundle = FrameworkUtil.getBundle(NotifyService.class);

    @Test
    void theNotifyBundleIsWiredToNoShellBundle() {
        ServiceLayering.assertWiredToNoShellBundle(bundle);
    }

    @Test
    void gogoIsNotImportedOrOptionally() {
        ServiceLayering.assertGogoIsNotImportedOrOptionally(bundle);
    }

    @Test
    void itsServiceAnswers() throws Exception {
        Notifications notifications = ServiceLayering.service(bundle, Notifications.class);

        assertEquals(List.of(), notifications.channels());
        assertEquals(new Delivery(0, 0, 0, List.of()), notifications.deliver());
    }
}
