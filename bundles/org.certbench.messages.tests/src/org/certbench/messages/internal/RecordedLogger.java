package org.certbench.messages.internal;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A logger that keeps the lines it was given, as "LEVEL text", for tests of what is logged. */
final class RecordedLogger implements System.Logger {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return "recorded";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        lines.add(level + " " + message);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        lines.add(level + " " + format);
    }
}
