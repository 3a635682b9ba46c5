package org.onegrid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes and starts a hot standby (热备只读副本) of a running PostgreSQL server on this machine,
 * from the server's own binaries: {@code java -jar onegrid.jar make-standby --primary
 * jdbc:postgresql://localhost:5432/postgres --data DIR --port N}.
 * <p>
 * The embedded PostgreSQL bundle carries no {@code pg_basebackup}, so the copy is PostgreSQL's
 * low-level base backup: a physical replication slot keeps the primary's write-ahead log from
 * before the copy; {@code pg_backup_start} marks the copy's start; the data directory is copied
 * file by file while the server runs (the log replayed from the start mark makes it
 * consistent); {@code pg_backup_stop} gives the backup label the standby starts from. The
 * standby then streams the log from the slot and answers read-only queries.
 */
public final class StandbyMaker {

    /** What the copy leaves out: the server's own state of the moment, rebuilt by the standby. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "standby.signal");
    /** Settings a standby must have at least as high as its primary's. */
    private static final List<String> AT_LEAST_PRIMARY = List.of("max_connections", "max_worker_processes",
            "max_wal_senders", "max_prepared_transactions", "max_locks_per_transaction");

    private StandbyMaker() {
    }

    /** The standby made: its data directory, port and the binaries that run it. */
    public record Standby(Path dataDirectory, int port, Path binaries) {

        /** Stops the standby's server (fast shutdown). */
        public void stop() {
            run(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w",
                    "stop"), dataDirectory);
        }
    }

    public static void main(String[] args) throws Exception {
        String primary = null;
        Path data = null;
        int port = 0;
        boolean drop = java.util.Arrays.asList(args).contains("--drop-slot");
        for (int i = 0; i + 1 < args.length; i++) {
            switch (args[i]) {
                case "--primary" -> primary = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> {
                }
            }
        }
        if (primary != null && port != 0 && drop) {
            dropSlot(primary, "postgres", "", port);
            return;
        }
        if (primary == null || data == null || port == 0) {
            System.err.println("usage: make-standby --primary JDBC_URL --data DIR --port N");
            System.err.println("       make-standby --primary JDBC_URL --port N --drop-slot   (once the standby is gone)");
            System.exit(2);
        }
        long started = System.nanoTime();
        Standby standby = make(primary, "postgres", "", data, port);
        System.out.printf("standby on port %d in %s, made in %.1f s%n", standby.port(), standby.dataDirectory(),
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Copies the primary at {@code jdbcUrl} (a superuser on this machine) into {@code target}
     * (which must not exist or be empty) and starts it there as a hot standby on {@code port}.
     */
    public static Standby make(String jdbcUrl, String user, String password, Path given, int port)
            throws SQLException, IOException {
        Path target = given.toAbsolutePath(); // pg_ctl runs in it, so a relative path would not resolve
        String slot = slotName(port);
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement s = db.createStatement()) {
            Path source = Path.of(text(s, "SHOW data_directory"));
            Path binaries = Path.of(text(s, "SELECT setting FROM pg_config WHERE name = 'BINDIR'"));
            int primaryPort = Integer.parseInt(text(s, "SHOW port"));
            List<String> settings = new ArrayList<>();
            for (String name : AT_LEAST_PRIMARY) {
                settings.add(name + " = " + text(s, "SHOW " + name));
            }
            s.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
            s.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            s.execute("SELECT pg_backup_start('onegrid standby', true)");
            String label;
            String tablespaces;
            try {
                copy(source, target);
            } finally {
                try (ResultSet rs = s.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                    rs.next();
                    label = rs.getString(1);
                    tablespaces = rs.getString(2);
                }
            }
            Files.writeString(target.resolve("backup_label"), label, StandardCharsets.UTF_8);
            if (tablespaces != null && !tablespaces.isEmpty()) {
                Files.writeString(target.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
            }
            Files.createFile(target.resolve("standby.signal"));
            List<String> conf = new ArrayList<>(settings);
            conf.add("port = " + port);
            conf.add("primary_conninfo = 'host=localhost port=" + primaryPort + " user=" + user + "'");
            conf.add("primary_slot_name = '" + slot + "'");
            conf.add("hot_standby = on");
            // Long reports on the standby are not cancelled by the primary's vacuum; the primary
            // keeps the rows they read a while longer instead.
            conf.add("hot_standby_feedback = on");
            conf.add("unix_socket_directories = ''");
            Files.writeString(target.resolve("postgresql.auto.conf"), String.join("\n", conf) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND,
                    java.nio.file.StandardOpenOption.CREATE);
            Standby standby = new Standby(target, port, binaries);
            run(List.of(binaries.resolve("pg_ctl").toString(), "-D", target.toString(), "-l",
                    target.resolve("standby.log").toString(), "-w", "-t", "600", "start"), target);
            return standby;
        }
    }

    /**
     * Drops the replication slot of the standby on {@code port}: while it exists the primary keeps
     * every write-ahead log file the standby has not received, so a standby given up must lose it.
     */
    public static void dropSlot(String jdbcUrl, String user, String password, int port) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement s = db.createStatement()) {
            s.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + slotName(port) + "'");
        }
    }

    static String slotName(int port) {
        return "onegrid_standby_" + port;
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Copies the data directory while the server writes to it; files that vanish meanwhile are skipped. */
    private static void copy(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(dir);
                Files.createDirectories(target.resolve(relative.toString()));
                if (relative.getNameCount() == 1 && EMPTIED.contains(relative.toString())) {
                    if (relative.toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("pg_wal/archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(file);
                if (relative.getNameCount() == 1 && LEFT_OUT.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(relative.toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException vanished) {
                    // Dropped while copying (a temporary file, a dropped table): the log replays the drop.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /**
     * PostgreSQL refuses to run as root; as the embedded server does, a root caller runs it in a
     * user namespace of its own ({@code unshare -U}), where it is not root.
     */
    private static void run(List<String> given, Path directory) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(given);
        try {
            Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see "
                        + directory.resolve("standby.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
