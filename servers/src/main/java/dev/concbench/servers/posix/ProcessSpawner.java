package dev.concbench.servers.posix;

import static dev.concbench.servers.posix.Native.INT;
import static dev.concbench.servers.posix.Native.POINTER;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;

/**
 * Starts a program with {@code posix_spawn}: no fork of the JVM, no shell, no helper process.
 * The child gets exactly the descriptors it is given: the chosen ones of ours duplicated onto its
 * numbers (which clears their close-on-exec flag), its standard descriptors 0–2 where not
 * replaced, and nothing else — every other descriptor is closed in the child before the program
 * starts, whatever this JVM or a library in it left open. Signal dispositions are reset to their
 * defaults and no signal is blocked. Thread-safe.
 *
 * <p>The child is not reaped here: pass its pid to a {@link ChildReaper}.
 */
public final class ProcessSpawner {

    private static final int POSIX_SPAWN_SETPGROUP = 0x02;
    private static final int POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final int POSIX_SPAWN_SETSIGMASK = 0x08;
    /** Larger than glibc's posix_spawn_file_actions_t (80 bytes) and posix_spawnattr_t (336 bytes). */
    private static final long SPAWN_STRUCT_BYTES = 512;
    /** glibc's sigset_t. */
    private static final long SIGSET_BYTES = 128;

    private static final MethodHandle SPAWN = Native.plain("posix_spawn",
            FunctionDescriptor.of(INT, POINTER, POINTER, POINTER, POINTER, POINTER, POINTER));
    private static final MethodHandle ACTIONS_INIT =
            Native.plain("posix_spawn_file_actions_init", FunctionDescriptor.of(INT, POINTER));
    private static final MethodHandle ACTIONS_DESTROY =
            Native.plain("posix_spawn_file_actions_destroy", FunctionDescriptor.of(INT, POINTER));
    private static final MethodHandle ADD_DUP2 =
            Native.plain("posix_spawn_file_actions_adddup2", FunctionDescriptor.of(INT, POINTER, INT, INT));
    private static final MethodHandle ADD_CLOSEFROM =
            Native.plain("posix_spawn_file_actions_addclosefrom_np", FunctionDescriptor.of(INT, POINTER, INT));
    private static final MethodHandle ATTR_INIT = Native.plain("posix_spawnattr_init", FunctionDescriptor.of(INT, POINTER));
    private static final MethodHandle ATTR_DESTROY =
            Native.plain("posix_spawnattr_destroy", FunctionDescriptor.of(INT, POINTER));
    private static final MethodHandle ATTR_SETFLAGS = Native.plain("posix_spawnattr_setflags",
            FunctionDescriptor.of(INT, POINTER, ValueLayout.JAVA_SHORT));
    private static final MethodHandle ATTR_SETSIGMASK =
            Native.plain("posix_spawnattr_setsigmask", FunctionDescriptor.of(INT, POINTER, POINTER));
    private static final MethodHandle ATTR_SETSIGDEFAULT =
            Native.plain("posix_spawnattr_setsigdefault", FunctionDescriptor.of(INT, POINTER, POINTER));
    private static final MethodHandle ATTR_SETPGROUP =
            Native.plain("posix_spawnattr_setpgroup", FunctionDescriptor.of(INT, POINTER, INT));
    private static final MethodHandle SIGEMPTYSET = Native.plain("sigemptyset", FunctionDescriptor.of(INT, POINTER));
    private static final MethodHandle SIGFILLSET = Native.plain("sigfillset", FunctionDescriptor.of(INT, POINTER));

    private ProcessSpawner() {
    }

    /**
     * Starts {@code command}.
     *
     * @param command     the program's absolute path, then its arguments (the first being the
     *                    program name, by convention its path again)
     * @param environment the child's whole environment
     * @param descriptors for each descriptor number the child should have beyond its standard
     *                    ones, or instead of one of them, the descriptor of ours it duplicates
     * @return the child's pid
     * @throws IOException if the program could not be started (it does not exist, is not
     *                     executable, the system is out of processes or memory)
     */
    public static int spawn(List<String> command, Map<String, String> environment, Map<Integer, Integer> descriptors)
            throws IOException {
        return spawn(command, environment, descriptors, false);
    }

    /**
     * {@link #spawn(List, Map, Map)}, the child leading a process group of its own when
     * {@code ownProcessGroup} (its group id is then its pid, and the processes it starts are in
     * it unless they move): one {@code kill} of the group ends them all.
     */
    public static int spawn(List<String> command, Map<String, String> environment, Map<Integer, Integer> descriptors,
                            boolean ownProcessGroup) throws IOException {
        Native.requireSupported();
        if (command.isEmpty() || !command.getFirst().startsWith("/")) {
            throw new IllegalArgumentException("the command must start with an absolute path: " + command);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(SPAWN_STRUCT_BYTES, 16);
            MemorySegment attributes = arena.allocate(SPAWN_STRUCT_BYTES, 16);
            check("posix_spawn_file_actions_init", (int) ACTIONS_INIT.invokeExact(actions));
            try {
                check("posix_spawnattr_init", (int) ATTR_INIT.invokeExact(attributes));
                try {
                    int firstClosed = 3;
                    for (Map.Entry<Integer, Integer> entry : descriptors.entrySet()) {
                        int childNumber = entry.getKey();
                        int ours = entry.getValue();
                        check("posix_spawn_file_actions_adddup2", (int) ADD_DUP2.invokeExact(actions, ours, childNumber));
                        firstClosed = Math.max(firstClosed, childNumber + 1);
                    }
                    check("posix_spawn_file_actions_addclosefrom_np", (int) ADD_CLOSEFROM.invokeExact(actions, firstClosed));
                    short flags = (short) (POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
                    if (ownProcessGroup) {
                        check("posix_spawnattr_setpgroup", (int) ATTR_SETPGROUP.invokeExact(attributes, 0));
                        flags |= POSIX_SPAWN_SETPGROUP;
                    }
                    resetSignals(arena, attributes);
                    check("posix_spawnattr_setflags", (int) ATTR_SETFLAGS.invokeExact(attributes, flags));
                    MemorySegment pid = arena.allocate(INT);
                    MemorySegment path = arena.allocateFrom(command.getFirst());
                    MemorySegment argv = strings(arena, command);
                    MemorySegment envp = strings(arena, environment.entrySet().stream()
                            .map(variable -> variable.getKey() + "=" + variable.getValue()).toList());
                    check("posix_spawn " + command.getFirst(),
                            (int) SPAWN.invokeExact(pid, path, actions, attributes, argv, envp));
                    return pid.get(INT, 0);
                } finally {
                    int ignored = (int) ATTR_DESTROY.invokeExact(attributes);
                }
            } finally {
                int ignored = (int) ACTIONS_DESTROY.invokeExact(actions);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new IllegalStateException("a native call threw a checked exception", impossible);
        }
    }

    /** Default dispositions for every signal, and an empty signal mask, whatever the JVM's are. */
    private static void resetSignals(Arena arena, MemorySegment attributes) throws Throwable {
        MemorySegment none = arena.allocate(SIGSET_BYTES, 8);
        MemorySegment all = arena.allocate(SIGSET_BYTES, 8);
        check("sigemptyset", (int) SIGEMPTYSET.invokeExact(none));
        check("sigfillset", (int) SIGFILLSET.invokeExact(all));
        check("posix_spawnattr_setsigmask", (int) ATTR_SETSIGMASK.invokeExact(attributes, none));
        check("posix_spawnattr_setsigdefault", (int) ATTR_SETSIGDEFAULT.invokeExact(attributes, all));
    }

    /** A NULL-terminated array of C strings. */
    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ValueLayout.ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    private static void check(String call, int result) throws PosixException {
        Native.checkReturned(call, result);
    }
}
