/**
 * Drives real SWT widgets in UI tests (SWTBot is not on Maven Central): find a widget by its id or
 * label, click (or click with the mouse, through the X server), type, press a key, wait for a shell or for background
 * jobs, read a table or the clipboard, bring a view to the front, take a screenshot. Tests run on a thread of their
 * own; every read and action is marshalled onto the UI thread, and waits poll from the test's thread.
 * Production code marks widgets with {@code control.setData(UiRobot.ID, "...")}.
 */
package org.certbench.ui.testing;
