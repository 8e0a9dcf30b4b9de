package dev.scratchnet.dsl.script

import java.nio.file.FileAlreadyExistsException
import java.nio.file.FileSystemException
import java.nio.file.Files
import java.nio.file.LinkOption.NOFOLLOW_LINKS
import java.nio.file.Path
import java.nio.file.attribute.PosixFileAttributes
import java.nio.file.attribute.PosixFilePermission
import java.nio.file.attribute.PosixFilePermission.GROUP_WRITE
import java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE
import java.nio.file.attribute.PosixFilePermissions
import java.nio.file.attribute.UserPrincipal

/**
 * A directory only its owner can change, for files that hold code. [open] creates it with
 * owner-only permissions (`rwx------`), or accepts an existing one only when it is a real
 * directory (not a symbolic link), owned by [owner], and writable by nobody else; anything else is
 * refused, because whoever else can write there could have put code in it.
 */
internal object PrivateDirectory {

    private val OWNER_ONLY: Set<PosixFilePermission> = PosixFilePermissions.fromString("rwx------")

    /**
     * Creates [directory] (and missing parents) or checks the one that is there, then returns it.
     * An existing directory that is safe but readable by others is narrowed to owner-only.
     *
     * @throws FileSystemException naming [directory], what is wrong with it and how to fix it
     */
    fun open(directory: Path, owner: UserPrincipal = currentUser()): Path {
        val posix = "posix" in directory.fileSystem.supportedFileAttributeViews()
        if (!Files.exists(directory, NOFOLLOW_LINKS)) {
            directory.parent?.let { Files.createDirectories(it) }
            try {
                if (posix) {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                } else {
                    Files.createDirectory(directory)
                }
            } catch (raced: FileAlreadyExistsException) {
                // another process created it first: check it like any existing one
            }
        }
        check(directory, owner, posix)
        return directory
    }

    private fun check(directory: Path, owner: UserPrincipal, posix: Boolean) {
        fun refuse(problem: String): Nothing = throw FileSystemException(directory.toString(), null,
            "$problem, so it cannot be trusted to hold code; remove it (rm -r '$directory') and it will be "
                + "created again, private to you")
        if (Files.isSymbolicLink(directory)) refuse("is a symbolic link, not a directory")
        if (!Files.isDirectory(directory, NOFOLLOW_LINKS)) refuse("is not a directory")
        val actualOwner = Files.getOwner(directory, NOFOLLOW_LINKS)
        if (actualOwner != owner) refuse("is owned by ${actualOwner.name}, not by you (${owner.name})")
        if (!posix) return
        val permissions = Files.readAttributes(directory, PosixFileAttributes::class.java, NOFOLLOW_LINKS).permissions()
        if (GROUP_WRITE in permissions || OTHERS_WRITE in permissions) {
            refuse("is writable by group or others (${PosixFilePermissions.toString(permissions)})")
        }
        if (permissions != OWNER_ONLY) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY)
        }
    }

    /**
     * The user this process runs as: the owner of a file it creates. Unlike `user.name`, this holds
     * when the account has no name (a container's bare uid) or the property was set by hand.
     */
    fun currentUser(): UserPrincipal {
        val probe = Files.createTempFile("scratchnet-owner", ".probe")
        try {
            return Files.getOwner(probe)
        } finally {
            Files.deleteIfExists(probe)
        }
    }
}
