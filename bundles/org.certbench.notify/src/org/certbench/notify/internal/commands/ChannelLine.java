package org.certbench.notify.internal.commands;

import org.certbench.notify.Channel;

/** One row of {@code notify:list}; a secret shows as "set", never as itself. */
public record ChannelLine(String name, String kind, String target, String secret, int waiting, String failure) {

    static ChannelLine of(Channel channel) {
        return new ChannelLine(channel.name(), channel.kind(), channel.target(),
                channel.secretSet() ? "set" : "none", channel.waiting(), channel.failure()); //$NON-NLS-1$ //$NON-NLS-2$
    }
}
