package zhibu.packs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Where user data lives: SQLite in the data folder by default, or any JDBC URL (PostgreSQL:
 * {@code jdbc:postgresql://host/db?user=…&password=…}). The schema is brought up to date by Flyway's migrations
 * ({@code src/main/resources/zhibu/db}) when the database is opened; each unit of work gets its own connection and
 * transaction.
 */
public final class Database {
    /** The SQLite file inside a data folder. */
    public static final String SQLITE_FILE = "zhibu.db";

    private final String url;
    private final Properties properties;

    private Database(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    /** The database of a data folder: its SQLite file. */
    public static Database inFolder(Path data) throws DatabaseException {
        try {
            Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new DatabaseException("the data folder " + data + " cannot be created: " + e.getMessage(), e);
        }
        return open("jdbc:sqlite:" + data.toAbsolutePath().resolve(SQLITE_FILE));
    }

    /** The database at a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}), migrated. */
    public static Database open(String url) throws DatabaseException {
        Properties properties = new Properties();
        if (url.startsWith("jdbc:sqlite:")) {
            properties.setProperty("busy_timeout", "10000"); // a second writer waits instead of failing
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("synchronous", "FULL"); // a commit is on disk before it is answered
            properties.setProperty("foreign_keys", "true");
        } else if (!url.startsWith("jdbc:postgresql:")) {
            throw new DatabaseException("the database URL must start with jdbc:sqlite: or jdbc:postgresql:, not "
                    + redacted(url), null);
        }
        Database db = new Database(url, properties);
        try (Connection probe = db.connect()) {
            probe.isValid(5);
        } catch (SQLException e) {
            throw new DatabaseException("the database " + redacted(url) + " cannot be opened: " + e.getMessage(), e);
        }
        try {
            Flyway.configure()
                    .dataSource(url, null, null) // credentials, if any, are in the URL
                    .locations("classpath:zhibu/db")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseException("the database " + redacted(url) + " could not be migrated: " + e.getMessage(), e);
        }
        return db;
    }

    /** The URL without a password, to name the database in messages. */
    public static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    public String url() {
        return redacted(url);
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        return transaction(work, false);
    }

    /**
     * Runs reading work in one transaction that sees one state of the database, whatever commits meanwhile:
     * SQLite's read transaction holds its snapshot from the first read (WAL); PostgreSQL is asked for repeatable read.
     */
    public <T> T snapshot(Work<T> work) {
        return transaction(work, true);
    }

    private <T> T transaction(Work<T> work, boolean repeatable) {
        try (Connection c = connect()) {
            if (repeatable && url.startsWith("jdbc:postgresql:")) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("the database " + url() + " failed: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    /** The database could not be opened, migrated or used; the message is one sentence naming it. */
    public static final class DatabaseException extends RuntimeException {
        public DatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
