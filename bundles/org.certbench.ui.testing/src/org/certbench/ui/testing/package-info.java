/**
 * Drives real SWT widgets in UI tests (SWTBot is not on Maven Central): find a widget by its id or
 * label, click, type, press a key, wait for a shell or for background jobs, read a table, take a screenshot. Tests run
 * on the UI thread; every wait keeps the event loop turning so the workbench stays alive meanwhile.
 * Production code marks widgets with {@code control.setData(UiRobot.ID, "...")}.
 */
package org.certbench.ui.testing;
