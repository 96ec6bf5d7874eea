package dev.concbench.results;

/**
 * The baseline (side A) of an A/B run: the build whose servers ran beside the working tree's
 * (side B) in the same run, their windows alternating. Only the servers differ between the sides.
 *
 * @param against what the run was asked to compare with: {@code self}, a commit-ish of the
 *                repository, or the path of another checkout
 * @param commit  the baseline's commit (the working tree's own for {@code self}), or {@code null}
 *                when not known (a checkout that is not a git repository)
 * @param dirty   whether the baseline had uncommitted changes (a checkout given by path)
 * @param self    whether both sides ran the same build (an A/A run, which measures the noise)
 */
public record AbBaseline(String against, String commit, boolean dirty, boolean self) {

    public AbBaseline {
        Checks.notBlank(against, "abBaseline against");
        if (commit != null) {
            Checks.notBlank(commit, "abBaseline commit");
        }
    }
}
