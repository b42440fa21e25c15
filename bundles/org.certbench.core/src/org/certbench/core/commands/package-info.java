/**
 * What commands of the CertBench shell share with the bundles that contribute them, without depending on
 * the shell application or on Gogo.
 * <p>
 * A command is a Declarative Services component in its own area's bundle, registered with the
 * {@code osgi.command.scope} and {@code osgi.command.function} properties (one scope per area:
 * {@code ca}, {@code host}, {@code agent}, {@code messages}, {@code net}, {@code plugin}; {@code certbench}
 * for the product itself). Its methods take typed arguments and return values — records, lists of
 * records, strings — never print. The shell renders what they return as plain text or, with
 * {@code --json}, as JSON. A listing that must name its columns without rows, or that has notices to show beside
 * its rows, returns a {@link org.certbench.core.commands.Table}. A command reports a failure an administrator can act on by throwing
 * {@link org.certbench.core.commands.CommandException}; its message is printed as it is, without a stack
 * trace, and the one-shot shell exits with a non-zero status. The texts of {@code help} come from the
 * properties file named by the {@value org.certbench.core.commands.CommandHelp#MESSAGES_PROPERTY} service
 * property (see {@link org.certbench.core.commands.CommandHelp}).
 * <p>
 * A bundle that contributes commands imports Gogo's {@code org.apache.felix.service.command} with
 * {@code resolution:=optional} and keeps its commands in components of their own, so that its services
 * resolve and work without Gogo.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.certbench.core.commands;
