package org.certbench.truststore.internal.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.core.commands.CommandException;
import org.certbench.truststore.CaCheck;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.CaStatus;
import org.certbench.truststore.ExportFormat;
import org.certbench.truststore.ImportResult;
import org.certbench.truststore.ReloadResult;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.TrustStoreException;
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
        CommandProcessor.COMMAND_FUNCTION + "=reload" })
public final class CaCommands {

    private final TrustStore store;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public CaCommands(@Reference TrustStore store) {
        this.store = store;
    }

    @Descriptor("check a CA certificate file as the New Certificate wizard's Upload does (.pem, .crt, .der); stores nothing")
    public CaChecked check(@Descriptor("the certificate file") String file) {
        Path path = Path.of(file);
        CaCheck check = readCheck(path);
        if (!check.accepted()) {
            throw new CommandException(path.getFileName() + " would be refused: " + String.join("; ", check.problems()));
        }
        String result = check.alreadyStored() != null ? "already in the CA certificates" : "would be imported";
        return new CaChecked(file, result, check.alreadyStored(), check.warnings(), check.notices(),
                CaDetails.of(check.certificate()));
    }

    @Descriptor("import a CA certificate file (.pem, .crt, .der; the first certificate of the file)")
    // Gogo maps ca:import to _import: "import" is a Java keyword
    public CaChecked _import(@Descriptor("the certificate file") String file) {
        try {
            ImportResult result = store.importCertificate(Path.of(file));
            return new CaChecked(file, result.alreadyPresent() ? "already in the CA certificates; nothing changed"
                    : "imported", result.entry().id(), result.warnings(), result.notices(),
                    CaDetails.of(result.entry().certificate()));
        } catch (CertBenchCryptoException | TrustStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    @Descriptor("list the CA certificates")
    public List<CaRow> list() {
        return store.list().stream().map(entry -> CaRow.of(entry, clock.instant())).toList();
    }

    @Descriptor("show a CA certificate's details")
    public CaShown show(@Descriptor("its SHA-256 fingerprint (a unique prefix is enough)") String id) {
        CaEntry entry = entry(id);
        return new CaShown(entry.id(), CaStatus.of(entry, clock.instant()).text(),
                entry.usableAsTrustAnchor() ? "yes" : entry.anchorProblem(), entry.fileName(),
                CaDetails.of(entry.certificate()));
    }

    @Descriptor("export a CA certificate to a file, as PEM (default) or DER")
    public String export(
            @Descriptor("write DER (binary) instead of PEM") @Parameter(names = "--der", presentValue = "true",
                    absentValue = "false") boolean der,
            @Descriptor("its SHA-256 fingerprint (a unique prefix is enough)") String id,
            @Descriptor("the file to write") String file) {
        ExportFormat format = der ? ExportFormat.DER : ExportFormat.PEM;
        try {
            CaEntry entry = store.exportTo(id, format, Path.of(file));
            return "exported '" + entry.commonName() + "' as " + format + " to " + file;
        } catch (TrustStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    @Descriptor("delete a CA certificate; it verifies nothing from then on")
    public String delete(@Descriptor("its SHA-256 fingerprint (a unique prefix is enough)") String id) {
        try {
            CaEntry deleted = store.delete(id);
            return "deleted '" + deleted.commonName() + "' (" + deleted.id() + ")";
        } catch (TrustStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    @Descriptor("re-read the CA certificates directory and run the expiry check")
    public ReloadResult reload() {
        try {
            return store.reload();
        } catch (TrustStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private CaCheck readCheck(Path path) {
        if (!Files.exists(path)) {
            throw new CommandException("no such file: " + path);
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
