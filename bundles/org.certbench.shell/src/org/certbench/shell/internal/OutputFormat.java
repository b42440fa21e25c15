package org.certbench.shell.internal;

enum OutputFormat {
    TEXT, JSON, CSV
}
