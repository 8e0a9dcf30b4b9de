package dev.scratchnet.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The plans chosen on this machine, one file per machine and library version in a directory private
 * to the user ({@code $XDG_CACHE_HOME/scratchnet/plans}, as compiled scripts' cache beside it): a
 * {@code KEY.properties} of {@code shape = plan} lines, where KEY hashes the CPU model, the processor
 * count and the library's version ({@link MachineKey}). The directory is created {@code rwx------}, and an
 * existing one is used only when it is a real directory of this user that nobody else can write;
 * the file only when it is a regular file of this user. Writes go through a lock file and a rename,
 * so two processes never leave half a file and never both add the same shape.
 */
final class PlanCache {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final Path lock;
    private final UserPrincipal user;

    private PlanCache(Path directory, String machineKey, UserPrincipal user) {
        this.file = directory.resolve(machineKey + ".properties");
        this.lock = directory.resolve(machineKey + ".lock");
        this.user = user;
    }

    /** Where plans are kept: {@code $XDG_CACHE_HOME/scratchnet/plans}, else {@code ~/.cache/scratchnet/plans}. */
    static Path location(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(userHome, ".cache");
        return base.resolve("scratchnet").resolve("plans");
    }

    /**
     * The cache in {@code directory} (created private when missing) for the machine {@code machineKey}.
     *
     * @throws IOException when the directory cannot be created, or is not private to the user
     */
    static PlanCache open(Path directory, String machineKey) throws IOException {
        // the scratchnet directory above is the compiled scripts' cache: made private too when made here
        createPrivate(directory.getParent());
        createPrivate(directory);
        UserPrincipal me = currentUser(directory);
        requirePrivate(directory, me);
        if (!Files.isWritable(directory)) {
            throw new FileSystemException(directory.toString(), null, "is not writable");
        }
        return new PlanCache(directory, machineKey, me);
    }

    private static void createPrivate(Path directory) throws IOException {
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(directory.getParent());
        try {
            if (posix(directory)) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process made it first: checked like any existing one
        }
    }

    /** The plan recorded for {@code shape}, if any; a damaged or foreign file counts as empty. */
    Optional<String> get(String shape) {
        return Optional.ofNullable(read().getProperty(shape));
    }

    /**
     * Records {@code plan} for {@code shape} unless a plan that {@code valid} accepts is recorded
     * already (another process may have measured first); returns the plan now recorded, which later
     * processes will use.
     */
    String putIfAbsent(String shape, String plan, Predicate<String> valid) {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            if (!held.isValid()) {
                throw new IOException("the plan cache's lock " + lock + " was released while held");
            }
            Properties plans = read();
            String present = plans.getProperty(shape);
            if (present != null && valid.test(present)) {
                return present;
            }
            plans.setProperty(shape, plan);
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
            try {
                try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    plans.store(out, "scratchnet training plans for one machine and library version");
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return plan;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan cache " + file, e);
        }
    }

    /** The file's lines, or none when it is missing, unreadable, not a regular file or not the user's. */
    private Properties read() {
        Properties plans = new Properties();
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(user)) {
                return plans;
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                plans.load(in);
            }
        } catch (IOException | IllegalArgumentException e) {
            // a damaged file is as good as none: the shapes are measured again
            return new Properties();
        }
        return plans;
    }

    private static void requirePrivate(Path directory, UserPrincipal me) throws IOException {
        if (Files.isSymbolicLink(directory) || !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(directory.toString(), null, "is not a directory (or is a symbolic link)");
        }
        UserPrincipal owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(me)) {
            throw new FileSystemException(directory.toString(), null, "is owned by " + owner.getName() + ", not by "
                    + me.getName());
        }
        if (!posix(directory)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.readAttributes(directory, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS).permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new FileSystemException(directory.toString(), null, "is writable by group or others ("
                    + PosixFilePermissions.toString(permissions) + "); remove it and it is made again, private");
        }
        if (!permissions.equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The user this process runs as: the owner of a file it creates in {@code directory}'s file system. */
    private static UserPrincipal currentUser(Path directory) throws IOException {
        Path probe = Files.createTempFile(directory, "owner", ".probe");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
