package org.certbench.agents.connector.internal.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Parameter;
import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsrSubject;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.SelfSignedChange;
import org.certbench.agents.connector.TrustChange;
import org.certbench.agents.connector.TrustState;
import org.certbench.agents.connector.internal.Messages;
import org.certbench.crypto.Certificate;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code agent:*} — the fleet, headless, the same service calls the Agents view makes. Batch commands return
 * one line per agent and fail (non-zero exit) when any agent failed, with every line in the message.
 */
@Component(service = AgentCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=agent",
        CommandProcessor.COMMAND_FUNCTION + "=add",
        CommandProcessor.COMMAND_FUNCTION + "=import",
        CommandProcessor.COMMAND_FUNCTION + "=remove",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandProcessor.COMMAND_FUNCTION + "=show",
        CommandProcessor.COMMAND_FUNCTION + "=trust",
        CommandProcessor.COMMAND_FUNCTION + "=csr",
        CommandProcessor.COMMAND_FUNCTION + "=verify",
        CommandProcessor.COMMAND_FUNCTION + "=apply",
        CommandProcessor.COMMAND_FUNCTION + "=selfsigned",
        CommandProcessor.COMMAND_FUNCTION + "=console",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.agents.connector.internal.commands.help" })
public final class AgentCommands {

    private static final String TRUST = "trust"; //$NON-NLS-1$
    private static final String DIR_OPTION = "--dir DIR"; //$NON-NLS-1$
    private static final String CA_OPTION = "--ca FILE"; //$NON-NLS-1$

    private final AgentFleet fleet;

    @Activate
    public AgentCommands(@Reference AgentFleet fleet) {
        this.fleet = fleet;
    }

    public AgentShown add(
            @Parameter(names = "--fingerprint", absentValue = "") String fingerprint,
            String name, String host,
            int port) {
        try {
            return AgentShown.of(fleet.add(name, host, port, fingerprint.isBlank() ? null : fingerprint));
        } catch (FleetException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    // Gogo maps agent:import to _import: "import" is a Java keyword
    public List<AgentOutcome> _import(String file) {
        try {
            return AgentOutcome.of(fleet.importCsv(Path.of(file), BatchMonitor.NONE),
                    status -> NLS.bind(Messages.Command_imported, status.state().text(), status.certificate().sha256Fingerprint()),
                    NLS.bind(Messages.Command_importWhat, file));
        } catch (FleetException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public String remove(String name) {
        try {
            AgentEntry removed = fleet.remove(name);
            return NLS.bind(Messages.Command_removed, removed.name(), removed.address());
        } catch (FleetException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public List<AgentRow> list() {
        List<String> names = fleet.list().stream().map(AgentEntry::name).toList();
        BatchResult<AgentStatus> statuses = fleet.refresh(names, BatchMonitor.NONE);
        return statuses.values().stream().map(AgentRow::of).toList();
    }

    public AgentShown show(String name) {
        try {
            return AgentShown.of(fleet.status(name));
        } catch (FleetException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public List<AgentOutcome> trust(
            @Parameter(names = "--untrusted", presentValue = "true", absentValue = "false") boolean untrusted,
            @Parameter(names = "--ca", absentValue = "") String caFile,
            @Parameter(names = "--fingerprint", absentValue = "") String fingerprint,
            @Parameter(names = "--yes", presentValue = "true", absentValue = "false") boolean yes,
            String... names) {
        if (!fingerprint.isBlank() && (yes || untrusted || names == null || names.length != 1)) {
            throw new CommandException(Messages.Command_fingerprintForOne);
        }
        if (!caFile.isBlank()) {
            try {
                fleet.addKnownCa(Path.of(caFile));
            } catch (FleetException e) {
                throw new CommandException(e.getMessage(), e);
            }
        }
        if (!fingerprint.isBlank()) {
            return AgentOutcome.of(fleet.trustConfirmed(Map.of(names[0], fingerprint.strip()), BatchMonitor.NONE),
                    AgentCommands::describe, TRUST);
        }
        List<String> selection = untrusted ? untrustedAgents(names) : required(names);
        if (selection.isEmpty()) {
            return List.of();
        }
        if (yes) {
            return AgentOutcome.of(fleet.trust(selection, BatchMonitor.NONE), AgentCommands::describe, TRUST);
        }
        return AgentOutcome.of(trustKeepingPins(selection), AgentCommands::describe, TRUST);
    }

    /**
     * Trusts what each agent presents where that replaces no pin, and exactly what was looked at (the fingerprint
     * seen is confirmed); an agent whose pinned certificate or key would be replaced fails with both fingerprints
     * side by side, as the workbench's dialog shows them.
     */
    private BatchResult<TrustChange> trustKeepingPins(List<String> selection) {
        Map<String, AgentResult<TrustChange>> refused = new LinkedHashMap<>();
        Map<String, String> confirmed = new LinkedHashMap<>();
        for (AgentResult<AgentStatus> looked : fleet.refresh(selection, BatchMonitor.NONE).results()) {
            AgentStatus status = looked.value();
            if (!looked.succeeded() || status.state() == TrustState.UNREACHABLE) {
                refused.put(looked.agent(), AgentResult.failed(looked.agent(),
                        looked.succeeded() ? status.reason() : looked.message()));
            } else if (status.state() == TrustState.UNTRUSTED && hasPin(status.agent())) {
                refused.put(looked.agent(), AgentResult.failed(looked.agent(), pinWouldChange(status)));
            } else {
                confirmed.put(looked.agent(), status.certificate().sha256Fingerprint());
            }
        }
        Map<String, AgentResult<TrustChange>> done = new LinkedHashMap<>();
        if (!confirmed.isEmpty()) {
            fleet.trustConfirmed(confirmed, BatchMonitor.NONE).results()
                    .forEach(result -> done.put(result.agent(), result));
        }
        List<AgentResult<TrustChange>> results = new ArrayList<>();
        for (String name : selection) {
            AgentResult<TrustChange> result = refused.containsKey(name) ? refused.get(name) : done.get(name);
            if (result != null) {
                results.add(result);
            }
        }
        return new BatchResult<>(results, List.of());
    }

    private static boolean hasPin(AgentEntry agent) {
        return agent.pinnedCertificate() != null || agent.pinnedKey() != null;
    }

    private static String pinWouldChange(AgentStatus status) {
        AgentEntry agent = status.agent();
        Certificate presented = status.certificate();
        String pinned = agent.pinnedCertificate() != null
                ? NLS.bind(Messages.Command_pinnedCertificate, agent.pinnedCertificate().sha256Fingerprint())
                : NLS.bind(Messages.Command_pinnedKey, agent.pinnedKey());
        return NLS.bind(Messages.Command_pinWouldChange, new Object[] { pinned, presented.sha256Fingerprint(),
                presented.publicKeySha256Fingerprint(), status.reason(), agent.name() });
    }

    public List<AgentOutcome> csr(
            @Parameter(names = "--dir", absentValue = "") String directory,
            @Parameter(names = "--o", absentValue = "") String organization,
            @Parameter(names = "--ou", absentValue = "") String unit,
            @Parameter(names = "--c", absentValue = "") String country,
            @Parameter(names = "--st", absentValue = "") String state,
            @Parameter(names = "--l", absentValue = "") String locality,
            String... names) {
        Path dir = requiredPath(directory, DIR_OPTION);
        return AgentOutcome.of(
                fleet.generateCsrs(required(names), new CsrSubject(organization, unit, country, state, locality), dir,
                        BatchMonitor.NONE),
                file -> NLS.bind(Messages.Command_csrSaved, new Object[] { file.file(), file.subject(),
                        String.join(", ", file.alternativeNames()) }), //$NON-NLS-1$
                "csr"); //$NON-NLS-1$
    }

    public List<AgentOutcome> verify(
            @Parameter(names = "--ca", absentValue = "") String caFile,
            @Parameter(names = "--dir", absentValue = "") String directory,
            String... names) {
        return AgentOutcome.of(fleet.verifyCertificates(required(names), requiredPath(caFile, CA_OPTION),
                requiredPath(directory, DIR_OPTION), BatchMonitor.NONE),
                verified -> NLS.bind(Messages.Command_verified, verified.file().getFileName(),
                        verified.certificate().sha256Fingerprint()),
                "verify"); //$NON-NLS-1$
    }

    public List<AgentOutcome> apply(
            @Parameter(names = "--ca", absentValue = "") String caFile,
            @Parameter(names = "--dir", absentValue = "") String directory,
            String... names) {
        return AgentOutcome.of(fleet.applyCertificates(required(names), requiredPath(caFile, CA_OPTION),
                requiredPath(directory, DIR_OPTION), BatchMonitor.NONE),
                applied -> NLS.bind(Messages.Command_applied, applied.file().getFileName(),
                        applied.certificate().sha256Fingerprint()),
                "apply"); //$NON-NLS-1$
    }

    public List<AgentOutcome> selfsigned(
            @Parameter(names = "--rekey", presentValue = "true", absentValue = "false") boolean rekey,
            String... names) {
        return AgentOutcome.of(fleet.applySelfSigned(required(names), rekey, BatchMonitor.NONE),
                change -> NLS.bind(Messages.Command_selfSigned, outcome(change.outcome()),
                        change.certificate().sha256Fingerprint()),
                "selfsigned"); //$NON-NLS-1$
    }

    public ConsoleShown console(
            @Parameter(names = "--out", absentValue = "") String out) {
        try {
            Certificate certificate = out.isBlank() ? fleet.consoleCertificate()
                    : fleet.exportConsoleCertificate(Path.of(out));
            return new ConsoleShown(certificate.subject(), certificate.sha256Fingerprint(), certificate.notAfter(),
                    out.isBlank() ? "-" : out, certificate.pem()); //$NON-NLS-1$
        } catch (FleetException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private List<String> untrustedAgents(String[] names) {
        if (names != null && names.length > 0) {
            throw new CommandException(Messages.Command_namesOrUntrusted);
        }
        List<String> all = fleet.list().stream().map(AgentEntry::name).toList();
        return fleet.refresh(all, BatchMonitor.NONE).results().stream().filter(AgentResult::succeeded)
                .map(AgentResult::value).filter(status -> status.state() == TrustState.UNTRUSTED)
                .map(status -> status.agent().name()).toList();
    }

    private static String describe(TrustChange change) {
        return switch (change.kind()) {
            case PINNED_CERTIFICATE -> change.previous() == null
                    ? NLS.bind(Messages.Command_pinned, change.trusted().sha256Fingerprint())
                    : NLS.bind(Messages.Command_pinnedWas, change.trusted().sha256Fingerprint(),
                            change.previous().sha256Fingerprint());
            case TRUSTED_CA -> change.previous() == null
                    ? NLS.bind(Messages.Command_trustsCa, change.trusted().summary().commonName(),
                            change.trusted().sha256Fingerprint())
                    : NLS.bind(Messages.Command_trustsCaWas, new Object[] { change.trusted().summary().commonName(),
                            change.trusted().sha256Fingerprint(), change.previous().summary().commonName() });
            case ALREADY_TRUSTED -> NLS.bind(Messages.Command_alreadyTrusted, change.presented().sha256Fingerprint());
        };
    }

    private static String outcome(SelfSignedChange.Outcome outcome) {
        return switch (outcome) {
            case ALREADY_IN_USE -> Messages.Command_selfSignedAlreadyInUse;
            case RESTORED -> Messages.Command_selfSignedRestored;
            case CREATED -> Messages.Command_selfSignedCreated;
            case REKEYED -> Messages.Command_selfSignedRekeyed;
        };
    }

    private static List<String> required(String[] names) {
        if (names == null || names.length == 0) {
            throw new CommandException(Messages.Command_whichAgents);
        }
        return Arrays.asList(names);
    }

    private static Path requiredPath(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new CommandException(NLS.bind(Messages.Command_missingOption, option));
        }
        return Path.of(value);
    }
}
