package org.certbench.core;

/**
 * How UI code names a widget for UI tests: {@code control.setData(WidgetIds.KEY, "ca.table")}. A string
 * key, so this plain-Java bundle stays free of SWT.
 */
public final class WidgetIds {

    public static final String KEY = "org.certbench.widgetId";

    private WidgetIds() {
    }
}
