package org.certbench.core;

/**
 * How UI code names a widget for UI tests: {@code control.setData(WidgetIds.KEY, "ca.table")}. A string
 * key, so this plain-Java bundle stays free of SWT.
 */
public final class WidgetIds {

    /**
     * The SWT widget data key under which a widget's stable id is stored (tests and the UI automation find widgets by
     * it).
     */
    public static final String KEY = "org.certbench.widgetId";

    private WidgetIds() {
    }
}
