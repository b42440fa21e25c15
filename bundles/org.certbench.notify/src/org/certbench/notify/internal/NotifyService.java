package org.certbench.notify.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.certbench.core.AuditLog;
import org.certbench.core.BackgroundStart;
import org.certbench.core.HomeLock;
import org.certbench.core.StateDirectory;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.expiry.ExpiryWarning;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.certbench.notify.Channel;
import org.certbench.notify.Delivery;
import org.certbench.notify.EmailSettings;
import org.certbench.notify.Notifications;
import org.certbench.notify.NotifyException;
import org.certbench.notify.SmtpSecurity;
import org.certbench.notify.WebhookAuth;
import org.certbench.notify.WebhookSettings;
import org.certbench.truststore.OutboundTls;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The channels, the outbox and its delivery. Started by each application once it is up ({@code
 * certbench.start=background}: the shell before its command, the workbench a second after its window shows), so
 * that the workbench and a one-shot shell alike send what waits in the outbox when they start, and gather a digest after every expiry check (whose end the expiry overview
 * announces to its listeners), and every 10 minutes for messages posted otherwise. Everything that reads or changes {@code <home>/notify/} runs under its home lock, so a
 * digest is queued once and sent by one process only. A failed digest is retried with a doubling delay (1 minute up to
 * 6 hours) and its failure posted as a system message; this bundle's own messages are never notified, so a failing
 * channel cannot feed itself.
 */
@Component(service = Notifications.class, property = BackgroundStart.PROPERTY)
public final class NotifyService implements Notifications {

    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofHours(6);
    static final Duration SWEEP = Duration.ofMinutes(10);
    /** The key prefix of this bundle's own messages. */
    static final String OWN_KEYS = "notify."; //$NON-NLS-1$
    private static final String FAILED_KEYS = OWN_KEYS + "failed:"; //$NON-NLS-1$
    /** What a stopping process waits beyond the bound of the send in flight (the lock, the outbox's files). */
    private static final Duration DRAIN_MARGIN = Duration.ofSeconds(5);
    /**
     * How long after a stop is asked for sends may still start: what a one-shot {@code expiry:check} posted at its end
     * still goes out from that process, and a stop still ends when many channels are slow.
     */
    static final Duration DRAIN = Duration.ofSeconds(30);
    private static final String AUDIT_ADD = "notify.add"; //$NON-NLS-1$
    private static final String AUDIT_CHANGE = "notify.change"; //$NON-NLS-1$
    private static final String AUDIT_REMOVE = "notify.remove"; //$NON-NLS-1$
    private static final System.Logger LOG = System.getLogger(NotifyService.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'") //$NON-NLS-1$
            .withZone(ZoneOffset.UTC);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\\]?"); //$NON-NLS-1$

    private final ChannelStore store;
    private final Outbox outbox;
    private final HomeLock lock;
    private final SystemMessages messages;
    private final EmailSender email;
    private final WebhookSender webhook;
    private final Clock clock;
    private final AuditLog audit;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** When {@link #stop()} was asked for plus {@link #drain} ({@link System#nanoTime()}); no send starts after it. */
    private volatile long sendsEnd;
    private volatile boolean stopping;
    private Duration drain = DRAIN;
    private final Runnable checked = this::soon;
    private final ExpiryOverview expiry;
    /** How long the send in flight may still take (its own timeout), or null when none is in flight. */
    private volatile Duration inFlight;
    private volatile ScheduledExecutorService executor;
    private ScheduledFuture<?> retry;
    private Instant nextDue;

    @Activate
    public NotifyService(@Reference SystemMessages messages, @Reference OutboundTls tls,
            @Reference ExpiryOverview expiry) {
        this(StateDirectory.area("notify"), messages, tls, Clock.systemUTC(), expiry); //$NON-NLS-1$
        expiry.addChangeListener(checked);
        start();
    }

    NotifyService(Path directory, SystemMessages messages, OutboundTls tls, Clock clock) {
        this(directory, messages, tls, clock, null);
    }

    /**
     * A service on {@code directory} (its audit entries go to {@code audit/} beside it, as in the home);
     * {@code expiry}, if not {@code null}, names the certificates of expiry warnings in the webhook's JSON.
     */
    NotifyService(Path directory, SystemMessages messages, OutboundTls tls, Clock clock, ExpiryOverview expiry) {
        this.store = new ChannelStore(directory);
        this.outbox = new Outbox(directory.resolve("outbox")); //$NON-NLS-1$
        this.lock = new HomeLock(directory.resolve("notify.lock")); //$NON-NLS-1$
        this.messages = messages;
        this.email = new EmailSender(tls);
        this.webhook = new WebhookSender(tls, clock);
        this.clock = clock;
        this.expiry = expiry;
        this.audit = new AuditLog(directory.toAbsolutePath().getParent().resolve(AuditLog.DIRECTORY), null, clock);
    }

    /** The service's own thread, and a first delivery on it: what an earlier process left in the outbox. */
    void start() {
        ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "CertBench notifications"); //$NON-NLS-1$
            thread.setDaemon(true);
            return thread;
        });
        // a retry due in an hour must not hold a one-shot shell's exit: the outbox keeps it for the next process
        own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor = own;
        soon();
        // messages posted outside an expiry check (a failed renewal) go out within this period, not with the next
        // daily check
        own.scheduleWithFixedDelay(this::soon, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Ends the service's thread without interrupting a send: an interrupted send may have reached the receiver
     * before the outbox heard of it, and the next process would send that digest again. Deliveries already asked for
     * still run, but a send starts only within {@link #DRAIN} of the stop (what waits longer is left in the outbox for
     * the next process); the send in flight finishes within its own timeout and leaves the outbox, and only then does
     * this return. The retry schedule is dropped.
     */
    @Deactivate
    public void stop() {
        if (expiry != null) {
            expiry.removeChangeListener(checked);
        }
        sendsEnd = System.nanoTime() + drain.toNanos();
        stopping = true;
        ScheduledExecutorService running = executor;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            // until no send may start any more, then what is in flight by then (or the gathering, local and quick),
            // then a send that began just before the deadline
            long untilEnd = Math.max(0, sendsEnd - System.nanoTime());
            if (running.awaitTermination(untilEnd + boundInFlight().toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
            Duration last = boundInFlight();
            if (!running.awaitTermination(last.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.log(System.Logger.Level.WARNING, NLS.bind(Messages.Stop_sendUnfinished,
                        WebhookSender.seconds(drain.plus(last)), outbox.directory()));
            }
        } catch (InterruptedException e) {
            // the send goes on on its own thread, bounded by its timeout; it is not interrupted
            Thread.currentThread().interrupt();
        }
    }

    /** How long after a stop sends may start ({@link #DRAIN}; a test shortens it). */
    void drain(Duration duration) {
        drain = duration;
    }

    private Duration boundInFlight() {
        Duration bound = inFlight;
        return bound == null ? DRAIN_MARGIN : bound.plus(DRAIN_MARGIN);
    }

    /** A delivery on the service's thread, once however often it is asked for before it runs. */
    private void soon() {
        ScheduledExecutorService running = executor;
        if (running == null || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            running.execute(() -> {
                queued.set(false);
                try {
                    tellTheBell(deliver().problems());
                    scheduleRetry(running);
                } catch (RuntimeException e) { // NOPMD the next check or start delivers again
                    LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
                    tellTheBell(List.of(NLS.bind(Messages.Delivery_background, Failures.reason(e))));
                }
            });
        } catch (RejectedExecutionException e) {
            queued.set(false); // stopped meanwhile: the next process delivers
        }
    }

    /**
     * A background delivery has no one to print its problems to: the bell says them, each once (a channel's failure
     * is there already, posted as it happened).
     */
    private void tellTheBell(List<String> problems) {
        try {
            Set<String> shown = new HashSet<>();
            messages.list().forEach(m -> shown.add(m.text()));
            for (String problem : problems) {
                if (!shown.contains(problem)) {
                    messages.post(Severity.WARNING, Messages.Source, problem,
                            OWN_KEYS + "problem:" + Integer.toHexString(problem.hashCode())); //$NON-NLS-1$
                }
            }
        } catch (RuntimeException e) { // NOPMD the bell itself failing is left to the log
            LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
        }
    }

    private synchronized void scheduleRetry(ScheduledExecutorService running) {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        if (nextDue != null) {
            long delay = Math.max(0, Duration.between(clock.instant(), nextDue).toMillis());
            try {
                retry = running.schedule(this::soon, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopped meanwhile: the next process retries
            }
        }
    }

    @Override
    public List<Channel> channels() throws NotifyException {
        return locked(() -> {
            List<Digest> waiting = outbox.all(problem -> LOG.log(System.Logger.Level.WARNING, problem));
            List<Channel> channels = new ArrayList<>();
            for (ChannelConfig config : store.channels()) {
                List<Digest> own = waiting.stream().filter(d -> d.channel().equals(config.name())).toList();
                String failure = own.stream().filter(d -> d.attempts() > 0).map(Digest::lastError).findFirst()
                        .orElse(""); //$NON-NLS-1$
                channels.add(new Channel(config.name(), config.kind(), config.target(), config.secret(), own.size(),
                        failure));
            }
            return channels;
        });
    }

    @Override
    public Channel addEmail(EmailSettings settings) throws NotifyException {
        ChannelConfig config;
        byte[] secret;
        try {
            String name = ChannelConfig.checkedName(settings.name());
            if (settings.to().isEmpty()) {
                throw new IllegalArgumentException(Messages.Email_noRecipient);
            }
            for (String address : settings.to()) {
                checkedAddress(address);
            }
            checkedAddress(settings.from());
            if (settings.host() == null || settings.host().isBlank() || settings.port() < 1
                    || settings.port() > 65535) {
                throw new IllegalArgumentException(NLS.bind(Messages.Email_badServer,
                        settings.host() + ":" + settings.port())); //$NON-NLS-1$
            }
            SmtpSecurity security = settings.security() == null ? SmtpSecurity.STARTTLS : settings.security();
            if (security == SmtpSecurity.PLAIN && !isLoopback(settings.host())) {
                throw new IllegalArgumentException(NLS.bind(Messages.Email_plainNotLoopback, settings.host()));
            }
            if ((settings.user() == null) != (settings.passwordFile() == null)) {
                throw new IllegalArgumentException(Messages.Email_userWithoutPassword);
            }
            secret = settings.passwordFile() == null ? null : Secrets.read(settings.passwordFile());
            config = new ChannelConfig(name, ChannelConfig.EMAIL, settings.to(), settings.from(), settings.host(),
                    settings.port(), security, settings.user(), null, null, null,
                    timeoutSeconds(settings.timeout(), EmailSettings.DEFAULT_TIMEOUT, Messages.Email_badTimeout),
                    secret != null, Runbook.checked(settings.runbook()));
        } catch (IllegalArgumentException e) {
            audit.failed(AUDIT_ADD, String.valueOf(settings.name()), null, e.getMessage());
            throw new NotifyException(e.getMessage(), e);
        }
        return save(config, secret);
    }

    @Override
    public Channel addWebhook(WebhookSettings settings) throws NotifyException {
        ChannelConfig config;
        byte[] secret;
        try {
            String name = ChannelConfig.checkedName(settings.name());
            URI url = settings.url();
            if (url == null || !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) { //$NON-NLS-1$
                throw new IllegalArgumentException(NLS.bind(Messages.Webhook_notHttps,
                        url == null ? "" : ShownAddress.of(url.toString()))); //$NON-NLS-1$
            }
            WebhookAuth auth = settings.auth() == null ? WebhookAuth.NONE : settings.auth();
            if (auth != WebhookAuth.NONE && settings.secretFile() == null) {
                throw new IllegalArgumentException(Messages.Webhook_secretMissing);
            }
            secret = switch (auth) {
            case NONE -> null;
            case HEADER -> Secrets.header(settings.secretFile());
            case HMAC -> Secrets.read(settings.secretFile());
            };
            config = new ChannelConfig(name, ChannelConfig.WEBHOOK, List.of(), null, null, 0, null, null, url,
                    settings.format() == null ? org.certbench.notify.WebhookFormat.GENERIC : settings.format(), auth,
                    timeoutSeconds(settings.timeout(), WebhookSettings.DEFAULT_TIMEOUT, Messages.Webhook_badTimeout),
                    secret != null, Runbook.checked(settings.runbook()));
        } catch (IllegalArgumentException e) {
            audit.failed(AUDIT_ADD, String.valueOf(settings.name()), null, e.getMessage());
            throw new NotifyException(e.getMessage(), e);
        }
        return save(config, secret);
    }

    /**
     * @throws IllegalArgumentException in words ({@code refusal}) unless 1 to {@link WebhookSettings#MAX_TIMEOUT}
     *                                  whole seconds
     */
    private static int timeoutSeconds(Duration timeout, Duration byDefault, String refusal) {
        if (timeout == null) {
            return (int) byDefault.toSeconds();
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(WebhookSettings.MAX_TIMEOUT) > 0
                || timeout.toNanosPart() != 0) {
            throw new IllegalArgumentException(NLS.bind(refusal,
                    timeout.toNanosPart() == 0 ? String.valueOf(timeout.toSeconds())
                            : String.valueOf(timeout.toMillis() / 1000.0),
                    WebhookSettings.MAX_TIMEOUT.toSeconds()));
        }
        return (int) timeout.toSeconds();
    }

    /**
     * Stores the channel under the lock and records the change in the home's audit log: its settings before and
     * after, never a secret (only whether one is stored; a secret given again is a change too).
     */
    private Channel save(ChannelConfig config, byte[] secret) throws NotifyException {
        Channel saved;
        String[] before = new String[1];
        try {
            saved = locked(() -> saveLocked(config, secret, before));
        } catch (NotifyException e) {
            audit.failed(AUDIT_ADD, config.name(), null, e.getMessage());
            throw e;
        }
        audit.succeeded(before[0] == null ? AUDIT_ADD : AUDIT_CHANGE, config.name(), before[0],
                config.audited(secret != null));
        return saved;
    }

    private Channel saveLocked(ChannelConfig config, byte[] secret, String[] before) throws IOException {
        List<ChannelConfig> channels = new ArrayList<>(store.channels());
        channels.stream().filter(c -> c.name().equals(config.name())).findFirst()
                .ifPresent(old -> before[0] = old.audited(false));
        channels.removeIf(c -> c.name().equals(config.name()));
        channels.add(config);
        channels.sort((a, b) -> a.name().compareTo(b.name()));
        if (secret != null) {
            store.saveSecret(config.name(), secret);
        } else {
            store.deleteSecret(config.name());
        }
        store.save(channels);
        Map<String, Set<String>> seen = store.seen();
        if (!seen.containsKey(config.name())) {
            // a new channel starts from now: the history of the bell is not mailed to it
            seen.put(config.name(), ids(notable()));
            store.saveSeen(seen);
        }
        return new Channel(config.name(), config.kind(), config.target(), config.secret(), 0, ""); //$NON-NLS-1$
    }

    @Override
    public boolean remove(String name) throws NotifyException {
        String[] before = new String[1];
        boolean removed;
        try {
            removed = locked(() -> removeLocked(name, before));
        } catch (NotifyException e) {
            audit.failed(AUDIT_REMOVE, String.valueOf(name), null, e.getMessage());
            throw e;
        }
        if (removed) {
            audit.succeeded(AUDIT_REMOVE, name, before[0], null);
        }
        return removed;
    }

    private boolean removeLocked(String name, String[] before) throws IOException {
        List<ChannelConfig> channels = new ArrayList<>(store.channels());
        ChannelConfig old = channels.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (old == null) {
            return false;
        }
        before[0] = old.audited(false);
        channels.remove(old);
        store.save(channels);
        store.deleteSecret(name);
        for (Digest digest : outbox.all(problem -> LOG.log(System.Logger.Level.WARNING, problem))) {
            if (digest.channel().equals(name)) {
                outbox.remove(digest);
            }
        }
        Map<String, Set<String>> seen = store.seen();
        seen.remove(name);
        store.saveSeen(seen);
        return true;
    }

    @Override
    public String test(String name) throws NotifyException {
        ChannelConfig config = locked(() -> store.channels().stream().filter(c -> c.name().equals(name))
                .findFirst().orElse(null));
        if (config == null) {
            throw new NotifyException(NLS.bind(Messages.Unknown, name));
        }
        byte[] secret = locked(() -> store.secret(name));
        Instant now = clock.instant();
        if (config.isEmail()) {
            email.send(config, secret, Messages.Email_testSubject, NLS.bind(Messages.Email_testBody, name));
            return NLS.bind(Messages.Email_testSent,
                    new Object[] { String.join(", ", config.to()), config.host(), String.valueOf(config.port()) }); //$NON-NLS-1$
        }
        Digest digest = new Digest("test", name, now, 0, now, "", List.of(new Digest.Item("test", now, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                Severity.INFO.name(), Messages.Source, NLS.bind(Messages.Webhook_testText, name), null, null)));
        int status = webhook.send(config, secret, DigestText.json(digest, config.format(), config.runbook()));
        return NLS.bind(Messages.Webhook_testSent, ChannelConfig.redacted(config.url()), status);
    }

    @Override
    public synchronized Delivery deliver() {
        try {
            ChannelStore.ensureDirectory(store.directory());
            return lock.call(this::deliverLocked);
        } catch (IOException e) {
            return new Delivery(0, 0, 0, List.of(String.valueOf(e.getMessage())));
        }
    }

    private Delivery deliverLocked() throws IOException {
        List<String> problems = new ArrayList<>();
        List<ChannelConfig> channels = store.channels();
        Instant now = clock.instant();
        int queuedNow = gather(channels, now);
        int sent = 0;
        int waiting = 0;
        Instant earliest = null;
        Set<String> failedChannels = new HashSet<>();
        for (Digest digest : outbox.all(problems::add)) {
            ChannelConfig channel = channels.stream().filter(c -> c.name().equals(digest.channel())).findFirst()
                    .orElse(null);
            if (channel == null) {
                outbox.remove(digest);
                problems.add(NLS.bind(Messages.Delivery_removedChannel, digest.channel()));
                continue;
            }
            if (digest.next().isAfter(now) || failedChannels.contains(channel.name())) {
                // a channel's digests go in order: after one failed, the later ones wait for its retry
                failedChannels.add(channel.name());
                waiting++;
                earliest = earlier(earliest, digest.next().isAfter(now) ? digest.next() : now.plus(FIRST_RETRY));
                continue;
            }
            if (stopping && System.nanoTime() - sendsEnd >= 0) {
                // the process is ending: what did not start in time waits in the outbox for the next one
                waiting++;
                continue;
            }
            String failure;
            try {
                byte[] secret = secretOf(channel);
                inFlight = channel.timeout();
                try {
                    send(channel, secret, digest);
                } finally {
                    inFlight = null;
                }
                outbox.remove(digest);
                sent++;
                continue;
            } catch (NotifyException e) {
                failure = e.getMessage();
            } catch (IOException | RuntimeException e) { // NOPMD one channel's fault must not stop the others
                failure = NLS.bind(Messages.Delivery_broken, channel.name(), Failures.reason(e));
            }
            failedChannels.add(channel.name());
            Instant retryAt = now.plus(backoff(digest.attempts() + 1));
            Digest failed = digest.failed(failure, retryAt);
            outbox.write(failed);
            waiting++;
            earliest = earlier(earliest, retryAt);
            String text = NLS.bind(Messages.Delivery_failed, new Object[] { channel.name(),
                    Counts.of(Messages.Count_messages, digest.items().size()),
                    failed.attempts(), Failures.sentence(failure), TIME.format(retryAt), outbox.directory() });
            problems.add(text);
            // once per digest, not at every retry: the key names the digest
            messages.post(Severity.WARNING, Messages.Source, text,
                    FAILED_KEYS + channel.name() + ":" + digest.file()); //$NON-NLS-1$
        }
        synchronized (this) {
            nextDue = earliest;
        }
        return new Delivery(queuedNow, sent, waiting, problems);
    }

    /** One digest per channel of the notable messages it has not had yet. */
    private int gather(List<ChannelConfig> channels, Instant now) throws IOException {
        List<SystemMessage> notable = notable();
        Set<String> current = ids(notable);
        Map<String, Set<String>> seen = store.seen();
        int digests = 0;
        Map<String, ExpiryWarning> warnings = null;
        for (ChannelConfig channel : channels) {
            Set<String> had = seen.get(channel.name());
            if (had != null) {
                List<Digest.Item> fresh = notable.stream().filter(m -> !had.contains(m.id()))
                        .filter(m -> isFor(m, channel)).map(Digest.Item::of).toList();
                if (warnings == null && fresh.stream().anyMatch(item -> item.key() != null)) {
                    warnings = expiryWarnings(notable);
                }
                Map<String, ExpiryWarning> known = warnings;
                fresh = WarningFacts.added(fresh, keys -> known == null ? Map.of() : known, now);
                if (!fresh.isEmpty()) {
                    outbox.add(channel.name(), now, fresh);
                    digests++;
                }
            }
            // what the bell no longer holds is forgotten, so the record stays as small as the bell
            seen.put(channel.name(), current);
        }
        seen.keySet().retainAll(channels.stream().map(ChannelConfig::name).toList());
        store.saveSeen(seen);
        return digests;
    }

    /**
     * What the expiry overview says of the warnings among {@code notable} (once for every channel: the rows are read
     * once), or nothing when there is no overview or it fails: the warning still goes out, without the facts.
     */
    private Map<String, ExpiryWarning> expiryWarnings(List<SystemMessage> notable) {
        if (expiry == null) {
            return Map.of();
        }
        try {
            return expiry.warnings(notable.stream().map(SystemMessage::key).filter(java.util.Objects::nonNull).toList());
        } catch (RuntimeException e) { // NOPMD the digest matters more than its details
            LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
            return Map.of();
        }
    }

    /** Warnings and errors, oldest first, without this bundle's own except a channel's failure. */
    private List<SystemMessage> notable() {
        List<SystemMessage> notable = new ArrayList<>();
        for (SystemMessage message : messages.list()) {
            if (message.severity() != Severity.INFO && (message.key() == null
                    || !message.key().startsWith(OWN_KEYS) || message.key().startsWith(FAILED_KEYS))) {
                notable.add(0, message);
            }
        }
        return notable;
    }

    /** A channel's failure goes to the others, which may reach someone; to itself it would only fail again. */
    private static boolean isFor(SystemMessage message, ChannelConfig channel) {
        return message.key() == null || !message.key().startsWith(FAILED_KEYS + channel.name() + ':');
    }

    private static Set<String> ids(List<SystemMessage> messages) {
        Set<String> ids = new LinkedHashSet<>();
        messages.forEach(m -> ids.add(m.id()));
        return ids;
    }

    /** The channel's stored secret; one it was saved with and that is now gone is a failure in words, not a null. */
    private byte[] secretOf(ChannelConfig channel) throws IOException, NotifyException {
        byte[] secret = store.secret(channel.name());
        if (secret == null && channel.secret()) {
            throw new NotifyException(NLS.bind(Messages.Delivery_secretMissing, channel.name(),
                    store.directory().resolve("secrets").resolve(channel.name()))); //$NON-NLS-1$
        }
        return secret;
    }

    private void send(ChannelConfig channel, byte[] secret, Digest digest) throws NotifyException {
        if (channel.isEmail()) {
            email.send(channel, secret, DigestText.subject(digest), DigestText.body(digest, channel.runbook()));
        } else {
            webhook.send(channel, secret, DigestText.json(digest, channel.format(), channel.runbook()));
        }
    }

    /** 1, 2, 4 … minutes after the first, second, third … failure, at most {@link #LAST_RETRY}. */
    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** Loopback by its literal, never by a look-up whose answer could change: localhost, 127.0.0.0/8, ::1. */
    static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) { //$NON-NLS-1$
            return true;
        }
        if (!IP_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void checkedAddress(String address) {
        try {
            EmailSender.recipients(List.of(address == null ? "" : address)); //$NON-NLS-1$
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Email_badAddress, address), e);
        }
    }

    /** Work under the notify directory's home lock. */
    @FunctionalInterface
    private interface Locked<T> {
        T run() throws IOException, NotifyException;
    }

    private <T> T locked(Locked<T> work) throws NotifyException {
        try {
            ChannelStore.ensureDirectory(store.directory());
            return lock.call(work::run);
        } catch (IOException e) {
            throw new NotifyException(String.valueOf(e.getMessage()), e);
        } catch (NotifyException e) {
            throw e;
        } catch (Exception e) { // NOPMD only the two above are thrown; the lock's signature widens them
            throw new IllegalStateException(e);
        }
    }
}
