package org.certbench.notify;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The notification channels and their outbox. Every system message at warning level or above is sent once to each
 * channel that existed when it was posted, gathered into one digest per channel per check. Channels are stored in
 * {@code <home>/notify/}, their secrets (copied from files) readable only by the user and never shown.
 * <p>
 * Thread-safe; every method may be called from any thread, and several processes may share a home. Methods that
 * connect block the calling thread (UI code calls them from a Job). No method returns {@code null}.
 */
@ProviderType
public interface Notifications {

    /**
     * The channels, by name.
     *
     * @throws NotifyException if the configuration cannot be read
     */
    List<Channel> channels() throws NotifyException;

    /**
     * Adds an email channel, or replaces the channel of that name.
     *
     * @throws NotifyException in words when a setting is unusable (plain SMTP to a host that is not loopback, a
     *                         password file that cannot be read) or the configuration cannot be written
     */
    Channel addEmail(EmailSettings settings) throws NotifyException;

    /**
     * Adds a webhook channel, or replaces the channel of that name.
     *
     * @throws NotifyException in words when a setting is unusable (no HTTPS URL, a secret file that cannot be read)
     *                         or the configuration cannot be written
     */
    Channel addWebhook(WebhookSettings settings) throws NotifyException;

    /**
     * Removes a channel, its secret and its waiting digests.
     *
     * @return whether there was such a channel
     * @throws NotifyException if the configuration cannot be written
     */
    boolean remove(String name) throws NotifyException;

    /**
     * Sends a test message to one channel now, past the outbox.
     *
     * @return what was done, in words
     * @throws NotifyException why it failed, in words (the server refused, its certificate is not trusted, ...)
     */
    String test(String name) throws NotifyException;

    /**
     * Gathers the new warnings into one digest per channel and sends every digest that is due, under the home's
     * lock so that no digest is sent twice. What runs after each expiry check and at each start.
     */
    Delivery deliver();
}
