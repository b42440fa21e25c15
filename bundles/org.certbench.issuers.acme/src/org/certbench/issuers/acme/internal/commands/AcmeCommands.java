package org.certbench.issuers.acme.internal.commands;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Parameter;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.acme.AcmeIssuerSettings;
import org.certbench.issuers.acme.AcmeIssuerSettings.ExternalAccount;
import org.certbench.issuers.acme.AcmeIssuerSettings.HttpChallenge;
import org.certbench.issuers.acme.AcmeIssuerSettings.Standalone;
import org.certbench.issuers.acme.AcmeIssuerSettings.Webroot;
import org.certbench.issuers.acme.AcmeIssuers;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code issuer:acme} — configures an ACME issuer, headless (issuer:list and issuer:show list it). */
@Component(service = AcmeCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=issuer",
        CommandProcessor.COMMAND_FUNCTION + "=acme",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.issuers.acme.internal.commands.help" })
public final class AcmeCommands {

    private static final String ABSENT = ""; //$NON-NLS-1$

    private final AcmeIssuers acme;

    @Activate
    public AcmeCommands(@Reference AcmeIssuers acme) {
        this.acme = acme;
    }

    public String acme(@Parameter(names = "--email", absentValue = ABSENT) String email,
            @Parameter(names = "--agree-tos", presentValue = "true", absentValue = "false") boolean agreeTos,
            @Parameter(names = "--eab-kid", absentValue = ABSENT) String eabKid,
            @Parameter(names = "--eab-hmac-file", absentValue = ABSENT) String eabHmacFile,
            @Parameter(names = "--webroot", absentValue = ABSENT) String webroot,
            @Parameter(names = "--standalone", absentValue = "0") int standalonePort,
            @Parameter(names = "--bind", absentValue = "*") String bind,
            String name, String directory) {
        if (webroot.isEmpty() == (standalonePort == 0)) {
            throw new CommandException(Messages.Acme_oneChallenge);
        }
        if (eabKid.isEmpty() != eabHmacFile.isEmpty()) {
            throw new CommandException(Messages.Acme_eabPair);
        }
        URI server;
        try {
            server = new URI(directory);
        } catch (URISyntaxException e) {
            throw new CommandException(NLS.bind(Messages.Acme_badUrl, directory, e.getMessage()), e);
        }
        HttpChallenge challenge;
        try {
            challenge = webroot.isEmpty() ? new Standalone(bind, standalonePort)
                    : new Webroot(Path.of(webroot).toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            throw new CommandException(NLS.bind(Messages.Acme_badPort, standalonePort), e);
        }
        try {
            Optional<URI> terms = acme.termsOfService(server);
            Issuer added = acme.add(new AcmeIssuerSettings(name, server,
                    email.isEmpty() ? Optional.empty() : Optional.of(email), agreeTos,
                    eabKid.isEmpty() ? Optional.empty()
                            : Optional.of(new ExternalAccount(eabKid, Path.of(eabHmacFile))),
                    challenge));
            String agreed = terms.map(uri -> NLS.bind(Messages.Acme_agreed, uri)).orElse(Messages.Acme_noTerms);
            return NLS.bind(Messages.Acme_added, new Object[] { added.name(), added.description(), agreed });
        } catch (IssuerException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
