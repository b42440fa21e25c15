package org.certbench.host.internal.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.crypto.Certificate;
import org.certbench.host.ApplyResult;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.certbench.host.TargetSetting;
import org.certbench.host.TargetSettings;
import org.certbench.host.TargetStatus;
import org.certbench.host.UploadCheck;
import org.certbench.host.internal.Messages;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code host:*} — the certificates of this host's services, headless. */
@Component(service = HostCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=host",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandProcessor.COMMAND_FUNCTION + "=show",
        CommandProcessor.COMMAND_FUNCTION + "=configure",
        CommandProcessor.COMMAND_FUNCTION + "=generate",
        CommandProcessor.COMMAND_FUNCTION + "=check",
        CommandProcessor.COMMAND_FUNCTION + "=upload",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.host.internal.commands.help" })
public final class HostCommands {

    private final HostCertificates host;

    @Activate
    public HostCommands(@Reference HostCertificates host) {
        this.host = host;
    }

    public List<HostRow> list() {
        return host.targets().stream().map(target -> new HostRow(target.id(), target.displayName(), target.configured()))
                .toList();
    }

    public HostShown show(String id) {
        TargetStatus status = call(() -> host.show(id));
        List<String> chain = status.served().stream().skip(1).map(next -> next.summary().commonName()).toList();
        return new HostShown(status.id(), status.displayName(), status.configured(),
                status.settings().file().toString(), settingLines(status.known(), status.settings()), status.problem(),
                status.warnings(), chain, CertificateDetails.of(status.certificate()));
    }

    public HostSettingsShown configure(String id,
            String... assignments) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new CommandException(NLS.bind(Messages.Command_notKeyValue, assignment));
            }
            changes.put(assignment.substring(0, equals).strip(), assignment.substring(equals + 1));
        }
        TargetSettings stored = call(() -> host.configure(id, changes));
        List<TargetSetting> known = host.targets().stream().filter(target -> target.id().equals(stored.targetId()))
                .flatMap(target -> target.settings().stream()).toList();
        return new HostSettingsShown(id, stored.file().toString(), settingLines(known, stored));
    }

    public HostApplied generate(String id) {
        return applied(call(() -> host.generate(id)), NLS.bind(Messages.Command_generated, host.host().fqdn()));
    }

    public HostChecked check(String certificate,
            String key) {
        Path certificateFile = existing(certificate);
        Path keyFile = existing(key);
        UploadCheck check = host.check(certificateFile, keyFile);
        if (!check.accepted()) {
            throw new CommandException(NLS.bind(Messages.Command_wouldBeRefused, String.join(" ", check.problems()))); //$NON-NLS-1$
        }
        List<String> chain = check.credentials().chain().stream().map(next -> next.summary().commonName()).toList();
        return new HostChecked(certificate, key, check.warnings().isEmpty() ? Messages.Command_wouldBeAccepted
                : Messages.Command_wouldBeAcceptedWithWarnings, check.warnings(), check.notices(), chain,
                CertificateDetails.of(check.credentials().certificate()));
    }

    public HostApplied upload(String id,
            String certificate,
            String key) {
        Path certificateFile = existing(certificate);
        Path keyFile = existing(key);
        return applied(call(() -> host.upload(id, certificateFile, keyFile)), Messages.Command_uploaded);
    }

    private static HostApplied applied(ApplyResult result, String what) {
        Certificate applied = result.applied();
        return new HostApplied(result.targetId(), what, result.warnings(), CertificateDetails.of(applied));
    }

    /** "key=value" for what is set, "key (default: …)" for the rest, in the target's order. */
    private static List<String> settingLines(List<TargetSetting> known, TargetSettings settings) {
        List<String> lines = new ArrayList<>();
        for (TargetSetting setting : known) {
            String value = settings.value(setting.key()).orElse(null);
            if (value != null) {
                lines.add(setting.key() + "=" + value); //$NON-NLS-1$
            } else if (setting.required()) {
                lines.add(NLS.bind(Messages.Command_settingRequired, setting.key()));
            } else {
                lines.add(NLS.bind(Messages.Command_settingDefault, setting.key(),
                        setting.defaultValue() == null ? Messages.Command_settingNoDefault : setting.defaultValue()));
            }
        }
        return lines;
    }

    private static Path existing(String file) {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            throw new CommandException(NLS.bind(Messages.Command_noSuchFile, file));
        }
        return path;
    }

    private interface HostCall<T> {
        T run() throws HostCertificateException;
    }

    private static <T> T call(HostCall<T> call) {
        try {
            return call.run();
        } catch (HostCertificateException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
