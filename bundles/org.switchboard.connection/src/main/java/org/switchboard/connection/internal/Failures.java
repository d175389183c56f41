package org.switchboard.connection.internal;

/**
 * Which failures a connection survives. A plugin's callback or one link may throw anything, including errors
 * (a {@code NoClassDefFoundError} after a bundle update, an {@code AssertionError}, a
 * {@code ServiceConfigurationError}); none of them may end a reader or writer thread. A
 * {@link VirtualMachineError} is different: after an {@code OutOfMemoryError} or an {@code InternalError} nothing
 * is trustworthy any more, so it goes on up. A {@link StackOverflowError} only unwound one thread's stack, which
 * the catch has already done.
 */
final class Failures {

    private Failures() {
    }

    /**
     * Rethrows {@code failure} unless it can be survived; a {@code catch (Throwable)} calls it before going on as
     * after any other failure (and after the clean-up that must happen either way).
     */
    static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal && !(failure instanceof StackOverflowError)) {
            throw fatal;
        }
    }
}
