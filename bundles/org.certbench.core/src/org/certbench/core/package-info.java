/**
 * What every CertBench bundle shares and nothing else owns. Plain Java, no OSGi types, so tests, tools and the
 * agent program outside OSGi can use it too:
 * <ul>
 * <li>the home: {@link org.certbench.core.StateDirectory} (where the state lives),
 * {@link org.certbench.core.ConfigurationOwners} (who may own what configures CertBench),
 * {@link org.certbench.core.ProgramRun} (running a program CertBench was configured to run);</li>
 * <li>files: {@link org.certbench.core.AtomicFiles} (the one way to write a file, old or new content after a
 * crash), {@link org.certbench.core.LinkSafeDirectory} (files of one directory without following links),
 * {@link org.certbench.core.SecretFiles} (the one way to read a secret from a file),
 * {@link org.certbench.core.HomeLock} (read-modify-write across processes), {@link org.certbench.core.FileStamp}
 * and {@link org.certbench.core.FileWatch} (noticing another process's change);</li>
 * <li>JSON: {@link org.certbench.core.JsonWriter} (CertBench's one JSON writer, its published spellings) and
 * {@link org.certbench.core.JsonReader} (strict RFC 8259, refusing with
 * {@link org.certbench.core.JsonSyntaxException});</li>
 * <li>CSV: {@link org.certbench.core.CsvWriter} (CertBench's one CSV writer, RFC 4180);</li>
 * <li>the audit log: {@link org.certbench.core.AuditLog}, {@link org.certbench.core.AuditEntry},
 * {@link org.certbench.core.AuditRecords};</li>
 * <li>texts and views: {@link org.certbench.core.TextBundle} (messages outside OSGi),
 * {@link org.certbench.core.ControlCharacters} (what must not reach a log line or terminal as it is),
 * {@link org.certbench.core.IdenticalFields} (the fields a selection shares),
 * {@link org.certbench.core.WidgetIds} (widget ids for UI tests),
 * {@link org.certbench.core.LinkSafeFiles} (a bounded read of a state file, never through a link nor from a FIFO).</li>
 * </ul>
 * What shell commands share with their bundles is in {@link org.certbench.core.commands}.
 */
@org.osgi.annotation.versioning.Version("1.5.0")
package org.certbench.core;
