package org.certbench.crypto.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A file split into what it holds, in file order. No items means a text file without any PEM block;
 * binary garbage never gets this far (the scanner refuses it).
 */
public record ScannedContent(boolean pem, List<ContentItem> items) {

    public ScannedContent {
        items = List.copyOf(items);
    }

    public Optional<ContentItem> first(Predicate<ItemKind> kind) {
        return items.stream().filter(item -> kind.test(item.kind())).findFirst();
    }

    public long count(ItemKind kind) {
        return items.stream().filter(item -> item.is(kind)).count();
    }

    public boolean contains(Predicate<ItemKind> kind) {
        return first(kind).isPresent();
    }
}
