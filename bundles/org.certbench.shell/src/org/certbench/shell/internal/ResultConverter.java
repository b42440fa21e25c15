package org.certbench.shell.internal;

import java.util.Collection;

import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Gogo's formatter for what CertBench commands return (records and lists of records); everything else is
 * left to Gogo's own formatting.
 */
@Component(service = Converter.class)
public final class ResultConverter implements Converter {

    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (level == Converter.INSPECT && target instanceof CommandUsage usage) {
            return usage.text();
        }
        if (level == Converter.INSPECT && target instanceof Collection<?> collection && !collection.isEmpty()
                && collection.stream().allMatch(CommandUsage.class::isInstance)) {
            return String.join("\n\n", collection.stream().map(usage -> ((CommandUsage) usage).text()).toList()); //$NON-NLS-1$
        }
        if (target instanceof Record record) {
            return level == Converter.INSPECT ? TextRenderer.record(record) : TextRenderer.line(record);
        }
        if (target instanceof Collection<?> collection && level == Converter.INSPECT) {
            if (collection.isEmpty()) {
                return "(none)";
            }
            if (TextRenderer.isTable(collection)) {
                return TextRenderer.table(collection);
            }
        }
        return null;
    }
}
