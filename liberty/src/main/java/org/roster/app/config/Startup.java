package org.roster.app.config;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.roster.app.audit.AuditAnchoring;
import org.roster.app.platforms.TelegramService;
import org.roster.app.policies.ActivePolicy;
import org.roster.app.runs.RunService;
import org.roster.app.runs.Scheduler;
import org.roster.app.security.SignIn;
import org.roster.app.sources.CleartextBind;
import org.roster.app.sources.DemoDirectoryService;
import org.roster.app.sources.DirectoryReachability;
import org.roster.sync.RunLines;

/**
 * What happens when the application starts: the embedded database is started (unless an own
 * PostgreSQL is configured), the schema is migrated as its owner and the application's role given
 * what it needs (see {@link DatabaseRoles}), an audit trail written before records carried seals is
 * sealed, the demo directory is served
 * if no LDAP server is configured, (unless switched off) a first full sync is started, and the
 * directory's reachability is watched in the background.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    RosterSettings settings;

    @Inject
    DatabaseRoles roles;

    @Inject
    SignIn signIn;

    @Inject
    DemoDirectoryService demoDirectory;

    @Inject
    RunService runs;

    @Inject
    TelegramService telegram;

    @Inject
    ActivePolicy policy;

    @Inject
    Scheduler scheduler;

    @Inject
    AuditAnchoring anchoring;

    @Inject
    DirectoryReachability directory;

    private EmbeddedPostgres embedded;
    private volatile boolean done;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        signIn.check();
        if (settings.embeddedDatabase()) {
            embedded = settings.embeddedPostgres(roles.owner().orElseThrow());
            embedded.start();
        }
        migrate(roles.migrations());
        roles.secure(settings.minAuditRetention());
        // before anything is audited: a trail written before records carried seals is sealed now
        anchoring.sealWrittenBefore();
        // a new audit key is recorded, vouching for the records the old one sealed, before it seals anything else
        anchoring.rotate();
        policy.bootstrap();
        if (settings.configuredSource()) {
            CleartextBind.warnAtStart(settings.configuredDefinition());
        }
        if (settings.demoDirectory()) {
            demoDirectory.start(settings.demoPort(), settings.demoSize());
        }
        if (settings.telegramDelivery()) {
            // a missing libtdjson or Telegram app credentials show at start, not at the first delivery
            telegram.open();
        }
        runs.recoverInterrupted();
        if (settings.syncOnStart()) {
            try {
                long id = runs.start("startup", false);
                LOG.info(() -> RunLines.of(id) + "first sync started on start-up");
            } catch (RunService.RunInProgressException e) {
                LOG.info("A run is already in progress; no start-up sync");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The start-up sync could not be started: " + e.getMessage());
            }
        }
        scheduler.start();
        directory.start();
        done = true;
    }

    /** Whether the start-up finished: the startup probe answers with it. */
    boolean done() {
        return done;
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        scheduler.stop();
        // while the database is still there: other servers take this one's runs over at once
        runs.handBackAll();
        directory.stop();
        if (embedded != null) {
            embedded.stop();
        }
    }

    private void migrate(DataSource dataSource) {
        // Flyway finds its PostgreSQL support through the service loader; on the
        // server's start-up thread the context class loader is not the application's
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Startup.class.getClassLoader());
        try {
            Flyway flyway = Flyway.configure(Startup.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .callbackLocations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            var current = flyway.info().current();
            LOG.info(() -> "Database schema at version " + (current == null ? "none" : current.getVersion())
                    + " (" + applied + " migrations applied now)");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
