/**
 * The CertBench headless shell: how commands meet administrators and scripts.
 * <p>
 * A command is a Declarative Services component in its own area's bundle, registered with the
 * {@code osgi.command.scope} and {@code osgi.command.function} properties (one scope per area:
 * {@code ca}, {@code host}, {@code agent}, {@code messages}, {@code net}, {@code plugin}; {@code certbench}
 * for the product itself). Its methods take typed, {@code @Descriptor}-described arguments and return
 * values — records, lists of records, strings — never print. The shell renders what they return as
 * plain text or, with {@code --json}, as JSON. A command reports a failure an administrator can act on by
 * throwing {@link org.certbench.shell.CommandException}; its message is printed as it is, without a stack
 * trace, and the one-shot shell exits with a non-zero status.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.shell;
