package org.certbench.crypto.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A file split into what it holds, in file order. {@code text} tells a text file without any PEM block
 * (nothing of interest in it) apart from binary garbage.
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
