package org.roster.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.roster.app.platforms.LegacyAppPasswordHash;

/**
 * App passwords written straight into the test database as versions before keyed digests kept
 * them: a salted PBKDF2 hash and no digest. The server checks such a row the old way once and from
 * then on finds it by its digest. Tests use them for employees who can't sign in to make one (the
 * demo sign-in knows only a few employees).
 */
final class AppPasswordRows {

    private AppPasswordRows() {
    }

    /** Stores a password for the employee as made before the upgrade; returns its row id. */
    static long madeBeforeDigests(String employeeId, String label, String password) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "roster", "roster");
             PreparedStatement insert = db.prepareStatement("insert into app_password (employee_id, label, hash, "
                     + "created_at) values (?, ?, ?, ?) returning id")) {
            insert.setString(1, employeeId);
            insert.setString(2, label);
            insert.setString(3, LegacyAppPasswordHash.hash(password.toCharArray(), new byte[16], 210_000));
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The stored digest and hash of a password's row. */
    record Stored(String lookup, String hash) {
    }

    static Stored stored(long id) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "roster", "roster");
             PreparedStatement select = db.prepareStatement("select lookup, hash from app_password where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Stored(row.getString("lookup"), row.getString("hash"));
            }
        }
    }
}
