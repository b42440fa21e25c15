/**
 * System messages — what the bell in the workbench shows. Any bundle, including a third-party plug-in,
 * may post through the {@link org.certbench.messages.SystemMessages} OSGi service and listen to
 * {@link org.certbench.messages.SystemMessages#TOPIC_CHANGED} events (OSGi EventAdmin); plug-ins must
 * not implement the service.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.messages;
