/**
 * The handlers of the Agents view's commands (org.certbench.agents.ui.AgentsView's command ids), contributed to
 * the view's part in fragment.e4xmi: active while the view is, acting on the selection it publishes.
 */
package org.certbench.agents.ui.internal.handlers;
