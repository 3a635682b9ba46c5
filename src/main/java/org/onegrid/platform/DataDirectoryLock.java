package org.onegrid.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an embedded database's data directory, held by the one OneGrid process
 * that runs its server. The operating system releases it when that process ends in any way, so a
 * server found running in a directory whose lock is free was left by a killed process.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code directory} (creating it), or fails saying that another running instance uses it. */
    static DataDirectoryLock acquire(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolveSibling(directory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The embedded database in " + directory + " is in use by another running "
                    + "OneGrid instance. Stop that instance, or give this one a data directory of its own "
                    + "(ONEGRID_DATA_DIR) and a port of its own (PORT).");
        }
        return new DataDirectoryLock(directory, channel, lock);
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
