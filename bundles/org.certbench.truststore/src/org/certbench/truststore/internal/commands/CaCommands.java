package org.certbench.truststore.internal.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Parameter;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.certbench.truststore.CaCheck;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.CaStatus;
import org.certbench.truststore.ExportFormat;
import org.certbench.truststore.ImportResult;
import org.certbench.truststore.ReloadResult;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.TrustStoreException;
import org.certbench.truststore.internal.Messages;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ca:*} — the CA certificates, headless. */
@Component(service = CaCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=ca",
        CommandProcessor.COMMAND_FUNCTION + "=check",
        CommandProcessor.COMMAND_FUNCTION + "=import",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandProcessor.COMMAND_FUNCTION + "=show",
        CommandProcessor.COMMAND_FUNCTION + "=export",
        CommandProcessor.COMMAND_FUNCTION + "=delete",
        CommandProcessor.COMMAND_FUNCTION + "=reload",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.truststore.internal.commands.cahelp" })
public final class CaCommands {

    private final TrustStore store;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public CaCommands(@Reference TrustStore store) {
        this.store = store;
    }

    public CaChecked check(String file) {
        Path path = Path.of(file);
        CaCheck check = readCheck(path);
        if (!check.accepted()) {
            throw new CommandException(NLS.bind(Messages.Command_wouldBeRefused, path.getFileName(),
                    String.join("; ", check.problems()))); //$NON-NLS-1$
        }
        String result = check.alreadyStored() != null ? Messages.Command_alreadyStored : Messages.Command_wouldBeImported;
        return new CaChecked(file, result, check.alreadyStored(), check.warnings(), check.notices(),
                CaDetails.of(check.certificate()));
    }

    // Gogo maps ca:import to _import: "import" is a Java keyword
    public CaChecked _import(String file) {
        try {
            ImportResult result = store.importCertificate(Path.of(file));
            return new CaChecked(file, result.alreadyPresent() ? Messages.Command_alreadyPresent
                    : Messages.Command_imported, result.entry().id(), result.warnings(), result.notices(),
                    CaDetails.of(result.entry().certificate()));
        } catch (CertBenchCryptoException | TrustStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public List<CaRow> list() {
        return store.list().stream().map(entry -> CaRow.of(entry, clock.instant())).toList();
    }

    public CaShown show(String id) {
        CaEntry entry = entry(id);
        return new CaShown(entry.id(), CaStatus.of(entry, clock.instant()).text(),
                entry.usableAsTrustAnchor() ? Messages.Command_yes : entry.anchorProblem(), entry.fileName(),
                CaDetails.of(entry.certificate()));
    }

    public String export(
            @Parameter(names = "--der", presentValue = "true",
                    absentValue = "false") boolean der,
            String id,
            String file) {
        ExportFormat format = der ? ExportFormat.DER : ExportFormat.PEM;
        try {
            CaEntry entry = store.exportTo(id, format, Path.of(file));
            return NLS.bind(Messages.Command_exported, new Object[] { entry.commonName(), format, file });
        } catch (TrustStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public String delete(String id) {
        try {
            CaEntry deleted = store.delete(id);
            return NLS.bind(Messages.Command_deleted, deleted.commonName(), deleted.id());
        } catch (TrustStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public ReloadResult reload() {
        try {
            return store.reload();
        } catch (TrustStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private CaCheck readCheck(Path path) {
        if (!Files.exists(path)) {
            throw new CommandException(NLS.bind(Messages.Command_noSuchFile, path));
        }
        try {
            return store.check(path);
        } catch (CertBenchCryptoException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private CaEntry entry(String id) {
        try {
            return store.get(id);
        } catch (TrustStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
