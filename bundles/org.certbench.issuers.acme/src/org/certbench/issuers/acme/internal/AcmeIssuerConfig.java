package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.certbench.issuers.ChallengeResponder;
import org.certbench.issuers.acme.AcmeIssuerSettings.HttpChallenge;
import org.certbench.issuers.acme.AcmeIssuerSettings.Standalone;
import org.certbench.issuers.acme.AcmeIssuerSettings.Webroot;

/**
 * One ACME issuer's stored configuration ({@code NAME.acme}, a properties file): the server, the contact, the
 * account's URL once registered and how {@code http-01} is answered. The EAB key is not part of it: it is used once,
 * when the account is registered.
 */
record AcmeIssuerConfig(String name, URI directory, Optional<String> email, URL account, HttpChallenge challenge) {

    private static final String DIRECTORY = "directory"; //$NON-NLS-1$
    private static final String EMAIL = "email"; //$NON-NLS-1$
    private static final String ACCOUNT = "account"; //$NON-NLS-1$
    private static final String CHALLENGE = "challenge"; //$NON-NLS-1$
    private static final String WEBROOT = "webroot"; //$NON-NLS-1$
    private static final String STANDALONE = "standalone"; //$NON-NLS-1$
    private static final String BIND = "bind"; //$NON-NLS-1$
    private static final String PORT = "port"; //$NON-NLS-1$

    String text() {
        Properties properties = new Properties();
        properties.setProperty(DIRECTORY, directory.toString());
        email.ifPresent(address -> properties.setProperty(EMAIL, address));
        properties.setProperty(ACCOUNT, account.toString());
        switch (challenge) {
            case Webroot webroot -> {
                properties.setProperty(CHALLENGE, WEBROOT);
                properties.setProperty(WEBROOT, webroot.directory().toString());
            }
            case Standalone standalone -> {
                properties.setProperty(CHALLENGE, STANDALONE);
                properties.setProperty(BIND, standalone.bindAddress());
                properties.setProperty(PORT, Integer.toString(standalone.port()));
            }
        }
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "ACME issuer " + name + " (issuer:acme)"); //$NON-NLS-1$ //$NON-NLS-2$
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    static AcmeIssuerConfig parse(String name, String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        try {
            HttpChallenge challenge = switch (required(properties, CHALLENGE)) {
                case WEBROOT -> new Webroot(Path.of(required(properties, WEBROOT)));
                case STANDALONE -> new Standalone(required(properties, BIND),
                        Integer.parseInt(required(properties, PORT)));
                default -> throw new IOException(CHALLENGE + "=" + properties.getProperty(CHALLENGE)); //$NON-NLS-1$
            };
            return new AcmeIssuerConfig(name, new URI(required(properties, DIRECTORY)),
                    Optional.ofNullable(properties.getProperty(EMAIL)), new URI(required(properties, ACCOUNT)).toURL(),
                    challenge);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    ChallengeResponder responder() {
        return switch (challenge) {
            case Webroot webroot -> new WebrootResponder(webroot.directory());
            case Standalone standalone -> new StandaloneResponder(standalone.bindAddress(), standalone.port());
        };
    }

    String challengeDescription() {
        return switch (challenge) {
            case Webroot webroot -> org.eclipse.osgi.util.NLS.bind(Messages.Acme_webroot, webroot.directory());
            case Standalone standalone -> StandaloneResponder.ALL_ADDRESSES.equals(standalone.bindAddress())
                    ? org.eclipse.osgi.util.NLS.bind(Messages.Acme_standaloneAll, Integer.toString(standalone.port()))
                    : org.eclipse.osgi.util.NLS.bind(Messages.Acme_standalone, standalone.bindAddress(),
                            Integer.toString(standalone.port()));
        };
    }

    private static String required(Properties properties, String key) throws IOException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException(key);
        }
        return value.strip();
    }
}
