package org.roster.app.config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.roster.app.keys.KeyFiles;

/**
 * Who may do what in the database. The schema belongs to an owner role, which migrates it; Roster
 * works as the application's role ({@code roster.db.user}), which may read and write what a run
 * needs but may only add to the audit trail: it can't update, delete or truncate audit records, nor
 * write checkpoints or the minimum retention. Records leave the trail only through the owner's
 * function {@code prune_audit_records}, which keeps everything younger than that minimum.
 *
 * <p>The embedded default has both roles (the owner's password is generated under {@code keys/}).
 * An own database names its owner with {@code roster.db.owner-user} and
 * {@code roster.db.owner-password}; without them Roster migrates and works as one role, as before
 * the two existed, and says at every start (and in its readiness answer) that this role could erase
 * the trail.
 *
 * <pre>{@code
 * Flyway.configure().dataSource(roles.migrations()).load().migrate();
 * roles.secure(Duration.ofDays(365));
 * }</pre>
 */
@ApplicationScoped
public class DatabaseRoles {

    private static final Logger LOG = Logger.getLogger(DatabaseRoles.class.getName());
    private static final String EMBEDDED_OWNER = "roster_owner";
    private static final Path GENERATED_PASSWORD = Path.of("keys", "db-owner.password");

    @Resource(lookup = "jdbc/roster")
    DataSource dataSource;

    @Inject
    RosterSettings settings;

    @Inject @ConfigProperty(name = "roster.db.owner-user")
    Optional<String> ownerUser;

    @Inject @ConfigProperty(name = "roster.db.owner-password")
    Optional<String> ownerPassword;

    /**
     * The owner's credentials: configured, or in the embedded default {@code roster_owner} with a
     * password generated at first start; none when an own database names no owner.
     */
    Optional<DatabaseCredentials> owner() {
        Optional<String> user = ownerUser.map(String::strip).filter(u -> !u.isEmpty());
        if (user.isEmpty() && !settings.embeddedDatabase()) {
            return Optional.empty();
        }
        Optional<String> configured = ownerPassword.filter(p -> !p.isEmpty());
        char[] password = configured.map(String::toCharArray).orElseGet(() -> Base64.getEncoder()
                .encodeToString(KeyFiles.configuredOrGenerated(Optional.empty(), "roster.db.owner-password",
                        GENERATED_PASSWORD)).toCharArray());
        return Optional.of(new DatabaseCredentials(user.orElse(EMBEDDED_OWNER), password));
    }

    /** Whether the schema's owner is a role of its own, so the application can't erase its trail. */
    boolean separated() {
        return owner().filter(o -> !o.user().equals(settings.dbUser())).isPresent();
    }

    /** What the readiness answer says about the audit trail's protection. */
    String auditTrailProtection() {
        return separated() ? "append-only for the application's role"
                : "erasable: the application's role owns the schema (set roster.db.owner-user)";
    }

    /** Connections for migrations: as the owner, or as the application's role when it is the owner. */
    DataSource migrations() {
        return owner().filter(o -> separated()).<DataSource>map(OwnerConnections::new).orElse(dataSource);
    }

    /**
     * After the migrations: gives the application's role what it needs and no more, and writes the
     * minimum audit retention where only the owner can change it. Runs at every start, so tables a
     * migration adds are granted and a changed minimum applies.
     */
    void secure(Duration minAuditRetention) {
        boolean separated = separated();
        if (!separated) {
            LOG.warning(() -> "The database has no separate owner (roster.db.owner-user): Roster migrates and works as "
                    + settings.dbUser() + ", which can erase its own audit trail. Give the schema to an owner role "
                    + "and let " + settings.dbUser() + " only use it (see the README, Production database).");
        }
        try (Connection connection = migrations().getConnection()) {
            if (separated) {
                String app = DatabaseCredentials.identifier(settings.dbUser());
                try (Statement sql = connection.createStatement()) {
                    sql.execute("grant select, insert, update, delete on all tables in schema public to " + app);
                    sql.execute("grant usage, select, update on all sequences in schema public to " + app);
                    sql.execute("revoke update, delete, truncate on audit_record from " + app);
                    sql.execute("revoke insert, update, delete, truncate on audit_checkpoint, audit_retention_floor "
                            + "from " + app);
                    sql.execute("revoke all on flyway_schema_history from " + app);
                    sql.execute("grant execute on function prune_audit_records(timestamptz, bigint, varchar, "
                            + "timestamptz, varchar), analyze_directory(), seal_audit_records(bigint[], varchar[]), "
                            + "sign_audit_checkpoint_again(bigint, varchar, varchar) to " + app);
                }
            }
            try (PreparedStatement floor = connection.prepareStatement(
                    "update audit_retention_floor set min_retention = cast(? as interval) where id = 1")) {
                floor.setString(1, minAuditRetention.toSeconds() + " seconds");
                floor.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The application's database privileges could not be set as the owner "
                    + owner().map(DatabaseCredentials::user).orElse(settings.dbUser()) + ": " + e.getMessage(), e);
        }
        String floor = minAuditRetention.toSeconds() % 86_400 == 0 && !minAuditRetention.isZero()
                ? "P" + minAuditRetention.toDays() + "D" : minAuditRetention.toString();
        LOG.info(() -> "Audit records are kept at least " + floor + (separated
                ? "; the application's role " + settings.dbUser() + " may add to the trail but not erase it" : ""));
    }


    /** The server's data source, signed in as the owner: the pool keeps the owner's connections apart. */
    private final class OwnerConnections implements DataSource {

        private final DatabaseCredentials owner;

        OwnerConnections(DatabaseCredentials owner) {
            this.owner = owner;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection(owner.user(), new String(owner.password()));
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return dataSource.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return dataSource.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            dataSource.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            dataSource.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return dataSource.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return dataSource.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return dataSource.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return dataSource.isWrapperFor(type);
        }
    }
}
