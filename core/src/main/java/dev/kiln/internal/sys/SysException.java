package dev.kiln.internal.sys;

import dev.kiln.KilnException;

/** A Linux system call failed; the message names the call, the errno and the path it was about. */
public class SysException extends KilnException {
    private final int errno;

    public SysException(String call, int errno, String subject) {
        super(call + "(" + subject + ") failed: " + Errno.name(errno) + " (" + Errno.describe(errno) + ")");
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    public String errnoName() {
        return Errno.name(errno);
    }
}
