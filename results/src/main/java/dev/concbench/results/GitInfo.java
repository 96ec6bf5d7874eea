package dev.concbench.results;

/**
 * The source the benchmarks were built from.
 *
 * @param commit the full commit hash, or {@code null} when not built from a git checkout
 * @param dirty  whether the working tree had uncommitted changes (always false without a commit)
 */
public record GitInfo(String commit, boolean dirty) {

    public GitInfo {
        if (commit != null && !commit.matches("[0-9a-f]{7,64}")) {
            throw new IllegalArgumentException("git commit must be a lower-case hex hash, got \"" + commit + "\"");
        }
        if (commit == null && dirty) {
            throw new IllegalArgumentException("git dirty is true but there is no commit");
        }
    }

    /** The first 12 characters of the commit, or {@code "nocommit"}. */
    public String shortCommit() {
        return commit == null ? "nocommit" : commit.substring(0, Math.min(12, commit.length()));
    }
}
